import { describeError, type Logger } from "../logging/logger.js";
import { isConversationUnknown, type RenderCard, type TeamsNotifier } from "../ports/teams.js";
import { type Clock } from "../ports/clock.js";
import type { Outbox, OutboxItem } from "../ports/outbox.js";

export interface TeamsRound {
  readonly sent: number;
  /** Claimed by another sender, or being posted: left alone this round. */
  readonly skipped: number;
  readonly failed: number;
  /** No conversation to post to (app not installed, or no chat chosen): held until a person acts. */
  readonly held: number;
  /** Teams asked us to slow down (429): the rest waits for the next round. */
  readonly throttled: boolean;
}

type Deps = { readonly outbox: Outbox; readonly clock: Clock; readonly logger: Logger };

/** How long a claimed item may stay unconfirmed before we take it that its sender crashed, and post it again. */
const POSTING_PATIENCE_MS = 10 * 60_000;
/** The marker a claimed item carries while its cards are being posted: `posting~<cards already posted>`. */
const POSTING = "posting";
const NOTHING_TO_POST = "nothing-to-post";

const postingMarker = (posted: number): string => (posted === 0 ? POSTING : `${POSTING}~${posted}`);
const cardsPosted = (item: OutboxItem): number => {
  const [marker, count] = (item.draftId ?? "").split("~");
  return marker === POSTING && count !== undefined ? Number(count) || 0 : 0;
};

const isThrottled = (error: unknown): boolean => {
  const e = error as { retryAfterSeconds?: unknown; statusCode?: unknown };
  return error instanceof Error && (typeof e.retryAfterSeconds === "number" || e.statusCode === 429);
};
const isConflict = (error: unknown): boolean => (error as { code?: unknown }).code === "STORE.CONFLICT";

/** What a manager does about a conversation the bot does not know (never who or what the item is about). */
const holdReason = (conversation: string): string =>
  conversation.startsWith("user~")
    ? "this person has not installed the Family Centre app in Teams; once they have, release the item"
    : `no Teams chat is chosen for "${conversation}": a manager types "use this chat for ${conversation.replace("-", " ")}" in it`;

/**
 * Posts the Teams outbox (triage cards, agendas, digests, nudges) through the notifier, each item once: it is
 * claimed first (pending → drafted, ETag-guarded, so of two senders only one posts), its cards posted in order,
 * then it is marked sent with the last activity id. After each card but the last the count posted is recorded on
 * the claim, so a failure at card 2 of 3 posts cards 2 and 3 next round, not card 1 again. Only after a sender
 * crashed between posting a card and recording it is that one card posted twice: a duplicate part is better than a
 * lost one. An item whose conversation is unknown is held (logged with what to do), never retried in a loop.
 */
export async function deliverTeamsOutbox(
  deps: Deps,
  notifier: TeamsNotifier,
  renderCard: RenderCard,
  limit = 20,
): Promise<TeamsRound> {
  const round = { sent: 0, skipped: 0, failed: 0, held: 0, throttled: false };
  for (const item of await deps.outbox.listPending(limit, "teams")) {
    const claimed = await claim(deps, item);
    if (claimed === undefined) {
      round.skipped++;
      continue;
    }
    const conversation = typeof claimed.payload["conversation"] === "string" ? claimed.payload["conversation"] : "";
    let current = claimed;
    try {
      const cards = await renderCard(claimed);
      let activityId = cards.length === 0 ? NOTHING_TO_POST : "";
      for (let i = cardsPosted(current); i < cards.length; i++) {
        ({ activityId } = await notifier.post(conversation, cards[i]!));
        if (i < cards.length - 1) current = await recordProgress(deps, current, i + 1);
      }
      await deps.outbox.transition(current, { to: "sent", sentItemId: activityId }, deps.clock.now());
      round.sent++;
    } catch (error) {
      const outcome = await putBack(deps, current, error, conversation);
      if (outcome === "throttled") {
        round.throttled = true;
        break;
      }
      round[outcome]++;
    }
  }
  return round;
}

/** Returns an item that could not be posted: held when no one can receive it, else pending for the next round. */
async function putBack(
  deps: Deps,
  item: OutboxItem,
  error: unknown,
  conversation: string,
): Promise<"held" | "failed" | "skipped" | "throttled"> {
  const now = deps.clock.now();
  const where = { caseId: item.caseId, purpose: item.purpose };
  try {
    const pending = await deps.outbox.transition(item, { to: "pending" }, now);
    if (isConversationUnknown(error)) {
      await deps.outbox.transition(pending, { to: "held" }, now);
      deps.logger.warn("teams-outbox.held", { ...where, conversation, reason: holdReason(conversation) });
      return "held";
    }
  } catch (putBackError) {
    // Another sender took it over meanwhile (it waited past our patience): it is theirs now.
    if (isConflict(putBackError)) return "skipped";
    throw putBackError;
  }
  if (isThrottled(error)) return "throttled";
  deps.logger.error("teams-outbox.failed", { ...where, ...describeError(error) });
  return "failed";
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
