import { userKey } from "../../bot/conversation-keys.js";
import type { BotCentres, CentreRef } from "../../bot/centres/bot-centres.js";
import type { TeamsUser } from "../../bot/conversation-keys.js";
import type { AppDeps } from "../app/app-deps.js";
import { isConversationKnown, rememberConversation } from "../app/conversations.js";
import type { IdentifyPerson } from "../app/people.js";
import { releaseHeldNotices } from "../app/release-held-notices.js";
import type { Clock } from "../ports/clock.js";
import { isWriteRace } from "../ports/errors.js";
import type { RecordStore } from "../ports/records.js";
import type { CountyStore } from "../store/county-store.js";

/** A person's chosen centre (`bot-centre-choice`, keyed `user~<aadObjectId>`) or a chat's (`chat-centre`, its key). */
export interface CentreOf {
  readonly centreId: string;
  readonly updatedAt: string;
}

const ATTEMPTS = 3;

/** The latest write wins: a choice or registration made twice at once leaves one of them, as either would. */
async function keep(records: RecordStore<CentreOf>, key: string, centreId: string, clock: Clock): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await records.get(key);
    if (current?.value.centreId === centreId) return;
    try {
      await records.put(key, { centreId, updatedAt: clock.now().toISOString() }, current?.etag);
      return;
    } catch (error) {
      if (!isWriteRace(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** A started centre as the bot's router asks about it: who is on its staff list, and its own tables. */
export interface RoutedCentre {
  readonly identify: IdentifyPerson;
  readonly app: AppDeps;
}

/**
 * The county's centres for the bot: who is on each staff list is each centre's own to say (`started`, by centre
 * id, is read when asked, so it may be filled as the centres start); choices and chat registrations are county
 * records.
 */
export function botCentres(
  all: readonly CentreRef[],
  started: (centreId: string) => RoutedCentre | undefined,
  county: CountyStore,
  clock: Clock,
): BotCentres {
  const choices = county.records<CentreOf>("bot-centre-choice");
  const chats = county.records<CentreOf>("chat-centre");
  const personKey = (user: { id: string; aadObjectId?: string }) => userKey(user.aadObjectId ?? user.id);
  const of = async (user: TeamsUser): Promise<readonly CentreRef[]> => {
    const staffed = await Promise.all(all.map(async (c) => (await started(c.id)?.identify(user)) !== undefined));
    return all.filter((_c, i) => staffed[i]);
  };
  return {
    all,
    of,
    chosen: async (user) => (await choices.get(personKey(user)))?.value.centreId,
    choose: (user, centreId) => keep(choices, personKey(user), centreId, clock),
    chatCentre: async (key) => (await chats.get(key))?.value.centreId,
    registerChat: (key, centreId) => keep(chats, key, centreId, clock),
    forgetChat: async (key) => {
      await chats.delete(key);
    },
    async sharePersonalChat(user, key, reference) {
      for (const centre of await of(user)) {
        const app = started(centre.id)?.app;
        if (app === undefined || (await isConversationKnown(app, key))) continue;
        await rememberConversation(app, key, reference, clock.now());
        await releaseHeldNotices(app, key);
      }
    },
  };
}
