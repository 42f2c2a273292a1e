import { describeError, type Logger } from "../logging/logger.js";
import { NOTHING_POSTED, REPLACES_ACTIVITY, type RenderCard, type TeamsNotifier } from "../ports/teams.js";
import { type Clock } from "../ports/clock.js";
import type { Outbox, OutboxItem } from "../ports/outbox.js";
import { afterFailure } from "./teams-outbox-failures.js";

export interface TeamsRound {
  readonly sent: number;
  /** Claimed by another sender, or being posted: left alone this round. */
  readonly skipped: number;
  /** Put back to be tried again after a back-off, behind newer items. */
  readonly failed: number;
  /** Held for a person, with why: no conversation to post to, or one Teams says is gone, or a message it refuses. */
  readonly held: number;
  /** Teams asked us to slow down (429): the rest waits for the next round. */
  readonly throttled: boolean;
}

type Deps = {
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The back-off's jitter (Math.random unless a test pins it). */
  readonly random?: () => number;
};

/** How long a claimed item may stay unconfirmed before we take it that its sender crashed, and post it again. */
const POSTING_PATIENCE_MS = 10 * 60_000;
/** The marker a claimed item carries while its cards are being posted: `posting~<cards already posted>`. */
const POSTING = "posting";

const postingMarker = (posted: number): string => (posted === 0 ? POSTING : `${POSTING}~${posted}`);
const cardsPosted = (item: OutboxItem): number => {
  const [marker, count] = (item.draftId ?? "").split("~");
  return marker === POSTING && count !== undefined ? Number(count) || 0 : 0;
};

const isConflict = (error: unknown): boolean => (error as { code?: unknown }).code === "STORE.CONFLICT";
/** Put back after a failure to be tried no sooner than `retryAt`; the list is ordered by that, so the rest wait too. */
const notDueYet = (item: OutboxItem, now: Date): boolean =>
  item.retryAt !== undefined && Date.parse(item.retryAt) > now.getTime();

/**
 * Posts the Teams outbox (triage cards, agendas, digests, nudges) through the notifier, each item once: it is
 * claimed first (pending → drafted, ETag-guarded, so of two senders only one posts), its cards posted in order,
 * then it is marked sent with the last activity id. After each card but the last the count posted is recorded on
 * the claim, so a failure at card 2 of 3 posts cards 2 and 3 next round, not card 1 again. Only after a sender
 * crashed between posting a card and recording it is that one card posted twice: a duplicate part is better than a
 * lost one. An item that cannot go (no conversation, or one Teams says is gone, or a message Teams refuses) is held
 * with the reason for a person; one that failed for a while (throttling, a Teams outage) is put back behind newer
 * items with a back-off, so failing items never hold up the rest, and held after `MAX_TEAMS_TRIES`.
 */
export async function deliverTeamsOutbox(
  deps: Deps,
  notifier: TeamsNotifier,
  renderCard: RenderCard,
  limit = 20,
): Promise<TeamsRound> {
  const round = { sent: 0, skipped: 0, failed: 0, held: 0, throttled: false };
  for (const item of await deps.outbox.listPending(limit, "teams")) {
    if (notDueYet(item, deps.clock.now())) break;
    const claimed = await claim(deps, item);
    if (claimed === undefined) {
      round.skipped++;
      continue;
    }
    const conversation = typeof claimed.payload["conversation"] === "string" ? claimed.payload["conversation"] : "";
    let current = claimed;
    try {
      const cards = await renderCard(claimed);
      let activityId = cards.length === 0 ? NOTHING_POSTED : "";
      const replaces = claimed.payload[REPLACES_ACTIVITY];
      if (typeof replaces === "string" && cards[0] !== undefined) {
        // An update of a message already posted (a card about a case since deleted): its one card, in place.
        await notifier.update(conversation, replaces, cards[0]);
        activityId = replaces;
      }
      for (let i = cardsPosted(current); typeof replaces !== "string" && i < cards.length; i++) {
        ({ activityId } = await notifier.post(conversation, cards[i]!));
        if (i < cards.length - 1) current = await recordProgress(deps, current, i + 1);
      }
      await deps.outbox.transition(current, { to: "sent", sentItemId: activityId }, deps.clock.now());
      round.sent++;
    } catch (error) {
      const outcome = await putBack(deps, current, error, conversation);
      if (outcome === "throttled") {
        round.failed++;
        round.throttled = true;
        break;
      }
      round[outcome]++;
    }
  }
  return round;
}

/** Returns an item that could not be posted: held with why when it cannot go as it is, else put back for later. */
async function putBack(
  deps: Deps,
  item: OutboxItem,
  error: unknown,
  conversation: string,
): Promise<"held" | "failed" | "skipped" | "throttled"> {
  const now = deps.clock.now();
  const where = { caseId: item.caseId, purpose: item.purpose, conversation };
  const next = afterFailure(error, conversation, item.attempts + 1, deps.random ?? Math.random);
  try {
    if ("hold" in next) {
      const pending = await deps.outbox.transition(item, { to: "pending" }, now);
      await deps.outbox.transition(pending, { to: "held", reason: next.hold }, now);
      deps.logger.warn("teams-outbox.held", { ...where, code: next.code, reason: next.hold });
      return "held";
    }
    const retryAt = new Date(now.getTime() + next.retryInMs);
    await deps.outbox.transition(item, { to: "pending", retryAt }, now);
    deps.logger.error("teams-outbox.failed", {
      ...where,
      attempts: item.attempts + 1,
      retryAt: retryAt.toISOString(),
      ...describeError(error),
    });
    return next.throttled ? "throttled" : "failed";
  } catch (putBackError) {
    // Another sender took it over meanwhile (it waited past our patience): it is theirs now.
    if (isConflict(putBackError)) return "skipped";
    throw putBackError;
  }
}

/** drafted → pending → drafted: the store allows no drafted → drafted, and we hold the job's lease meanwhile. */
async function recordProgress(deps: Deps, item: OutboxItem, posted: number): Promise<OutboxItem> {
  const now = deps.clock.now();
  const pending = await deps.outbox.transition(item, { to: "pending" }, now);
  return deps.outbox.transition(pending, { to: "drafted", draftId: postingMarker(posted) }, now);
}

async function claim(deps: Deps, item: OutboxItem): Promise<OutboxItem | undefined> {
  const now = deps.clock.now();
  try {
    let current = item;
    if (item.state === "drafted") {
      if (now.getTime() - Date.parse(item.updatedAt) < POSTING_PATIENCE_MS) return undefined;
      deps.logger.warn("teams-outbox.repost", { caseId: item.caseId, purpose: item.purpose });
      current = await deps.outbox.transition(item, { to: "pending" }, now);
    }
    // The count of cards already posted survives a failed round (pending keeps the marker).
    return await deps.outbox.transition(current, { to: "drafted", draftId: postingMarker(cardsPosted(current)) }, now);
  } catch (error) {
    // Another sender moved it first: it is theirs to post.
    if (isConflict(error)) return undefined;
    throw error;
  }
}
