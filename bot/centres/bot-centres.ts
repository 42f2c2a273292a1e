import type { ConversationKey } from "../../src/ports/teams.js";
import type { TeamsUser } from "../conversation-keys.js";

export interface CentreRef {
  readonly id: string;
  /** As letters name it ("North Family Centre"). */
  readonly name: string;
}

/**
 * The county's centres as the bot sees them: who works where, each person's chosen centre and each shared chat's
 * centre. The composition root implements it over every centre's staff list and the county's tables.
 */
export interface BotCentres {
  /** Every centre served, the first first. */
  readonly all: readonly CentreRef[];
  /** The centres whose staff list has this person (in local mode, every centre), in the order of `all`. */
  of(user: TeamsUser): Promise<readonly CentreRef[]>;
  /** The centre the person last chose with `centre`, if any. */
  chosen(user: TeamsUser): Promise<string | undefined>;
  choose(user: TeamsUser, centreId: string): Promise<void>;
  /** The centre a group chat or channel was registered to by "use this chat for …". */
  chatCentre(key: ConversationKey): Promise<string | undefined>;
  registerChat(key: ConversationKey, centreId: string): Promise<void>;
  /** The bot was removed from the chat: it belongs to no centre now (added again, it is registered afresh). */
  forgetChat(key: ConversationKey): Promise<void>;
  /**
   * A person's personal chat became known to one centre's bot (the app installed, a first message): it is one chat
   * whichever centre answers, so every other centre they work in can reach them there too (its held nudges go).
   */
  sharePersonalChat(user: TeamsUser, key: ConversationKey, reference: Readonly<Record<string, unknown>>): Promise<void>;
}

/** A centre's bot among the county's: which centre it is, and the others. */
export interface BotCounty {
  readonly centreId: string;
  readonly centres: BotCentres;
}

export interface PersonsCentres {
  readonly mine: readonly CentreRef[];
  /** Their chosen centre while they are still on its staff list; else their only (or first) centre. */
  readonly current?: CentreRef;
}

/** The centres a person works in and the one they are working in now (none: on no centre's staff list). */
export async function centresOfPerson(centres: BotCentres, user: TeamsUser): Promise<PersonsCentres> {
  const mine = await centres.of(user);
  const chosen = mine.length > 1 ? await centres.chosen(user) : undefined;
  const current = mine.find((c) => c.id === chosen) ?? mine[0];
  return { mine, ...(current ? { current } : {}) };
}
