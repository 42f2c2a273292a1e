import type { NewOutboxItem, OutboxItem } from "../../ports/outbox.js";
import { NOTHING_POSTED, REPLACES_ACTIVITY } from "../../ports/teams.js";

/** The Teams outbox purpose of an update saying a card's case was removed under the retention schedule. */
export const RETENTION_REMOVED_PURPOSE = "retention-removed";

/** A card the bot posted about a case: where, and the message's activity id (the last card of a long item). */
export interface PostedCard {
  readonly conversation: string;
  readonly activityId: string;
}

/** The cards posted about a case (its sent Teams items with a message id), to say so once the case is gone. */
export function postedCards(items: readonly OutboxItem[]): PostedCard[] {
  return items.flatMap((item) => {
    const conversation = item.payload["conversation"];
    const activityId = item.sentItemId;
    if (item.channel !== "teams" || item.state !== "sent" || typeof conversation !== "string") return [];
    if (activityId === undefined || activityId === "" || activityId === NOTHING_POSTED) return [];
    return [{ conversation, activityId }];
  });
}

/**
 * The updates that replace each posted card with "removed under the retention schedule", queued under the deleted
 * case's anonymous id (never its reference), keyed so a rerun after a crash queues each once.
 */
export const removedCardNotices = (anonymousId: string, cards: readonly PostedCard[]): NewOutboxItem[] =>
  cards.map((card, i) => ({
    caseId: anonymousId,
    key: `${anonymousId}~${RETENTION_REMOVED_PURPOSE}~${i}`,
    channel: "teams",
    purpose: RETENTION_REMOVED_PURPOSE,
    payload: { conversation: card.conversation, [REPLACES_ACTIVITY]: card.activityId },
  }));
