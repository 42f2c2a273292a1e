import { describeError } from "../logging/logger.js";
import type { Clock, Outbox, OutboxItem, TeamsNotifier } from "../ports.js";
import type { Logger } from "../logging/logger.js";

/** Builds the Adaptive Card for an item (bot/ owns the cards; jobs never import it). */
export type RenderCard = (item: OutboxItem) => Readonly<Record<string, unknown>>;

export interface TeamsRound {
  readonly sent: number;
  /** Claimed by another sender, or being posted: left alone this round. */
  readonly skipped: number;
  readonly failed: number;
  /** Teams asked us to slow down (429): the rest waits for the next round. */
  readonly throttled: boolean;
}

/** How long a claimed item may stay unconfirmed before we take it that its sender crashed, and post it again. */
const POSTING_PATIENCE_MS = 10 * 60_000;
/** The marker a claimed item carries while its card is being posted. */
const POSTING = "posting";

const isThrottled = (error: unknown): boolean =>
  error instanceof Error && typeof (error as { retryAfterSeconds?: unknown }).retryAfterSeconds === "number";

/**
 * Posts the Teams outbox (agendas, digests, nudges) through the notifier, each item once: it is claimed first
 * (pending → drafted, ETag-guarded, so of two senders only one posts), then posted, then marked sent with the
 * activity id. A failed post returns it to pending for the next round. Only after a sender crashed mid-post is an
 * item posted again: a duplicate nudge is better than a lost one.
 */
export async function deliverTeamsOutbox(
  deps: { readonly outbox: Outbox; readonly clock: Clock; readonly logger: Logger },
  notifier: TeamsNotifier,
  renderCard: RenderCard,
  limit = 20,
): Promise<TeamsRound> {
  const round = { sent: 0, skipped: 0, failed: 0, throttled: false };
  for (const item of await deps.outbox.listPending(limit, "teams")) {
    const claimed = await claim(deps, item);
    if (claimed === undefined) {
      round.skipped++;
      continue;
    }
    try {
      const conversation = claimed.payload["conversation"];
      const { activityId } = await notifier.post(
        typeof conversation === "string" ? conversation : "",
        renderCard(claimed),
      );
      await deps.outbox.transition(claimed, { to: "sent", sentItemId: activityId }, deps.clock.now());
      round.sent++;
    } catch (error) {
      await deps.outbox.transition(claimed, { to: "pending" }, deps.clock.now());
      if (isThrottled(error)) {
        round.throttled = true;
        break;
      }
      round.failed++;
      deps.logger.error("teams-outbox.failed", { caseId: item.caseId, purpose: item.purpose, ...describeError(error) });
    }
  }
  return round;
}

async function claim(
  deps: { readonly outbox: Outbox; readonly clock: Clock; readonly logger: Logger },
  item: OutboxItem,
): Promise<OutboxItem | undefined> {
  const now = deps.clock.now();
  try {
    let current = item;
    if (item.state === "drafted") {
      if (now.getTime() - Date.parse(item.updatedAt) < POSTING_PATIENCE_MS) return undefined;
      deps.logger.warn("teams-outbox.repost", { caseId: item.caseId, purpose: item.purpose });
      current = await deps.outbox.transition(item, { to: "pending" }, now);
    }
    return await deps.outbox.transition(current, { to: "drafted", draftId: POSTING }, now);
  } catch (error) {
    // Another sender moved it first: it is theirs to post.
    if ((error as { code?: unknown }).code === "STORE.CONFLICT") return undefined;
    throw error;
  }
}
