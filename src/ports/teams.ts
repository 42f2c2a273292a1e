import type { OutboxItem } from "./outbox.js";

/** Where a proactive message goes: a stored conversation reference's key (`duty`, `screening`, `user~<id>`…). */
export type ConversationKey = string;

/** The duty chat: triage cards, and notices for clocks no practitioner holds yet. */
export const DUTY_CONVERSATION: ConversationKey = "duty";

/**
 * The `code` a notifier's error carries when no conversation is stored for a key: the app is not installed there
 * yet, or no manager has chosen the panel's chat. Waiting will not help; a person has to act.
 */
export const CONVERSATION_UNKNOWN = "BOT.CONVERSATION_UNKNOWN";

export const isConversationUnknown = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: unknown }).code === CONVERSATION_UNKNOWN;

/**
 * Why Teams did not take a message, as a notifier (and a card renderer) promises to say it:
 * - `TEAMS.CONVERSATION_GONE`: 403 (`MessageWritesBlocked`: the app blocked or uninstalled there) or 404: the bot
 *   cannot post there any more; the stored reference and any chat assigned to it are cleared first.
 * - `TEAMS.MESSAGE_REFUSED`: this message will never go as it is (400, 413 `MessageSizeTooBig`, a card too large to
 *   draw): a person must look at it.
 * - `TEAMS.THROTTLED`: still 429 after the notifier's own back-off; `TEAMS.UNAVAILABLE`: still 412, 502, 504 or
 *   another server error. Both are worth trying again later.
 */
export type TeamsDeliveryCode =
  "TEAMS.CONVERSATION_GONE" | "TEAMS.MESSAGE_REFUSED" | "TEAMS.THROTTLED" | "TEAMS.UNAVAILABLE";

export class TeamsDeliveryError extends Error {
  constructor(
    readonly code: TeamsDeliveryCode,
    message: string,
    /** Teams' HTTP status and error code (`MessageWritesBlocked`, `MessageSizeTooBig`), when Teams answered. */
    readonly status?: number,
    readonly teamsCode?: string,
  ) {
    super(message);
    this.name = "TeamsDeliveryError";
  }
}

export const teamsDeliveryCode = (error: unknown): TeamsDeliveryCode | undefined =>
  error instanceof TeamsDeliveryError ? error.code : undefined;

/** A sent Teams item's `sentItemId` when it had no card to post (its clock had stopped): no message to update. */
export const NOTHING_POSTED = "nothing-to-post";

/**
 * A Teams outbox item whose payload names `replaces` (a posted message's activity id) updates that message in place
 * instead of posting a new one: a card about a case the retention run deleted says so.
 */
export const REPLACES_ACTIVITY = "replaces";

/**
 * Posts and updates Adaptive Cards in Teams conversations the app is installed in. Jobs and use cases send through
 * the outbox (channel "teams"), so each agenda, digest and nudge is sent once.
 */
export interface TeamsNotifier {
  post(
    conversation: ConversationKey,
    card: Readonly<Record<string, unknown>>,
  ): Promise<{ readonly activityId: string }>;
  update(conversation: ConversationKey, activityId: string, card: Readonly<Record<string, unknown>>): Promise<void>;
}

/**
 * Builds the Adaptive Cards of a Teams outbox item, in posting order (the bot owns the cards; the jobs that post them
 * never see it). A long agenda is several cards. No cards means there is nothing to say any more (the clock it was
 * about has stopped). An item it cannot draw to fit a Teams message, or has no card for, is refused with
 * `TeamsDeliveryError` `TEAMS.MESSAGE_REFUSED`.
 */
export type RenderCard = (item: OutboxItem) => Promise<readonly Readonly<Record<string, unknown>>[]>;
