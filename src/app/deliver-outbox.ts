import { systemActor } from "../domain/actor.js";
import { letterRecordedSent } from "../domain/letters/letter-sent.js";
import { describeError } from "../logging/logger.js";
import { isMailboxBusy } from "../ports/mailbox.js";
import { type OutboxItem } from "../ports/outbox.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase } from "./change-case.js";
import { composeLetter, type ComposedLetter, type LetterPayload } from "./compose-letter.js";
import { letterUnconfirmed } from "./errors.js";
import { takeLetterAllowance } from "./letter-allowance.js";

export interface OutboxRound {
  readonly sent: number;
  readonly held: number;
  readonly waiting: number;
  readonly failed: number;
  /** Exchange asked us to slow down: the rest waits for the next round. */
  readonly throttled: boolean;
  /** Fewer than the round could take were waiting: another round now would find only what came since. */
  readonly drained: boolean;
}

/**
 * A drafted item younger than this is another sender's attempt in flight (claim, draft, send take seconds): it is
 * left to that sender. Older, its sender stopped part-way, and this one finishes it.
 */
const IN_FLIGHT_MS = 20_000;
/** The draft id an attempt records before the draft exists: the claim that makes this sender the only one. */
const CLAIMED = "";

/**
 * Sends what the outbox holds, each letter exactly once, even across crashes, retries and concurrent senders:
 * claim the item (pending → drafted, ETag-guarded, before any draft exists) → create the draft → record its id →
 * send it → record the letter on the case (which stops 1.2, 2.2 or 3.1) → mark it sent with the draft's id, which
 * immutable ids keep in Sent Items. An item never claimed cannot be in Drafts or Sent Items, so it costs no search; only a claimed
 * item whose sender stopped is looked for there (by its marker), and a draft that was handed over but is not yet in
 * Sent Items is waited for through the centre's in-transit window, never sent again within it. `concurrency`
 * letters go at once (Exchange serves at most 4 requests per mailbox at a time, and the inbox round needs one).
 */
export async function deliverOutbox(deps: AppDeps, limit = 20, concurrency = 1): Promise<OutboxRound> {
  const round = { sent: 0, held: 0, waiting: 0, failed: 0, throttled: false, drained: false };
  // Acknowledgements first: when the mailbox's pace is short, rule 1.2's letters take what there is.
  const queue = byAcknowledgementsFirst(await deps.outbox.listPending(limit, "email"));
  round.drained = queue.length < limit;
  let paced = false;
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined && !round.throttled && !paced; item = queue.shift()) {
      try {
        const outcome = await deliverOne(deps, item);
        // Past the pace, what is behind it waits too (acknowledgements came first): the next round asks again.
        if (outcome === "paced") paced = true;
        round[outcome === "paced" ? "waiting" : outcome]++;
      } catch (error) {
        if (isMailboxBusy(error)) {
          round.throttled = true;
          break;
        }
        const described = describeError(error);
        if (described.errorCode === "STORE.CONFLICT") {
          // Another sender moved the item on first: it sends or has sent the letter; nothing failed.
          deps.logger.info("outbox.taken-by-another-sender", { caseId: item.caseId, purpose: item.purpose });
          continue;
        }
        round.failed++;
        deps.logger.error("outbox.failed", { caseId: item.caseId, purpose: item.purpose, ...described });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return round;
}

/** `paced`: the mailbox has sent all it may for now; the letter waits, pending, for the pace to allow it. */
type Outcome = "sent" | "held" | "waiting" | "paced";

const isAcknowledgement = (item: OutboxItem): boolean => item.purpose === "acknowledgement";

const byAcknowledgementsFirst = (items: OutboxItem[]): OutboxItem[] =>
  [...items].sort((a, b) => Number(isAcknowledgement(b)) - Number(isAcknowledgement(a)));

/** Takes a send from the mailbox's pace (src/app/letter-allowance.ts); false when the letter must wait. */
const mayGo = async (deps: AppDeps, item: OutboxItem): Promise<boolean> =>
  (await takeLetterAllowance(deps, { recipients: 1, acknowledgement: isAcknowledgement(item) })) === true;

const deliverOne = (deps: AppDeps, item: OutboxItem): Promise<Outcome> =>
  item.state === "drafted" ? finishStopped(deps, item) : sendPending(deps, item);

async function sendPending(deps: AppDeps, item: OutboxItem): Promise<Outcome> {
  const { mailbox, outbox, clock } = deps;
  // Claimed before (then put back, or failed and released by a person): it may have reached Exchange.
  const triedBefore = item.draftId !== undefined || item.attempts > 0;
  if (triedBefore) {
    const already = await mailbox.findSentByOutboxKey(item.key);
    if (already !== undefined) return recordSent(deps, item, already.id);
  }
  const composed = await composeOrHold(deps, item);
  if (composed === "held") return "held";
  if (!(await mayGo(deps, item))) return "paced";
  const claimed = await outbox.transition(item, { to: "drafted", draftId: CLAIMED }, clock.now());
  return draftAndSend(deps, claimed, composed, triedBefore);
}

type ReadyLetter = Extract<ComposedLetter, { ready: true }>;

/**
 * The letter as it goes now; one that cannot go yet (no address to write to, or a blank the case cannot fill) is
 * held for a person, with the reason.
 */
async function composeOrHold(deps: AppDeps, item: OutboxItem): Promise<ReadyLetter | "held"> {
  const composed = await composeLetter(deps, await deps.cases.getCase(item.caseId), item);
  if (composed.ready) return composed;
  const reason = composed.reason === undefined ? {} : { reason: composed.reason };
  await deps.outbox.transition(item, { to: "held", ...reason }, deps.clock.now());
  if (composed.reason !== undefined)
    deps.logger.warn("outbox.held-incomplete", { caseId: item.caseId, purpose: item.purpose });
  return "held";
}

/**
 * Makes the draft (or finds the one an earlier attempt made), records its id, then sends it. The id is recorded
 * before sending so that a sender stopped after this point is known to have handed the letter to Exchange: its
 * item is then looked for in Drafts and Sent Items, and never drafted again.
 */
async function draftAndSend(
  deps: AppDeps,
  claimed: OutboxItem,
  composed: ReadyLetter,
  lookInDrafts: boolean,
): Promise<Outcome> {
  const { mailbox, outbox, clock } = deps;
  const mail = {
    outboxKey: claimed.key,
    to: [composed.to],
    subject: composed.letter.subject,
    bodyText: composed.letter.bodyText,
  };
  const replyTo = composed.payload.replyToMessageId;
  let latest = claimed;
  try {
    const found = lookInDrafts ? await mailbox.findDraftByOutboxKey(claimed.key) : undefined;
    const draftId = (
      found ?? (replyTo ? await mailbox.createReplyDraft(replyTo, mail) : await mailbox.createDraft(mail))
    ).id;
    latest = await outbox.transition(claimed, { to: "drafted", draftId }, clock.now());
    await mailbox.sendDraft(draftId);
    return await recordSent(deps, latest, draftId);
  } catch (error) {
    // Throttling refuses a request before Exchange acts on it: nothing was sent, so the item is put back to be
    // tried again next round (a draft already made is found there by its marker).
    if (isMailboxBusy(error)) await outbox.transition(latest, { to: "pending" }, clock.now());
    throw error;
  }
}

/**
 * A claimed item whose sender stopped part-way (or whose `/send` answer was lost). In Sent Items → recorded. No draft
 * id recorded → that attempt never sent: taken over (ETag-guarded, so one finisher goes on) and its draft found or
 * made, then sent. A recorded draft may have been sent: Sent Items is eventually consistent, and a letter on its way
 * shows for a while as a draft in Drafts or in no folder at all. So the draft itself is read: no longer a draft →
 * sent and recorded; otherwise it is waited for through the in-transit window. After it, a draft still in Drafts
 * was never sent and goes now (the window starts again, in case this answer is lost too); one that is nowhere
 * is for a person to check.
 */
async function finishStopped(deps: AppDeps, item: OutboxItem): Promise<Outcome> {
  const { mailbox, outbox, clock } = deps;
  const age = clock.now().getTime() - Date.parse(item.updatedAt);
  if (age < IN_FLIGHT_MS) return "waiting";
  const already = await mailbox.findSentByOutboxKey(item.key);
  if (already !== undefined) return recordSent(deps, item, already.id);
  const draftId = item.draftId ?? CLAIMED;
  if (draftId === CLAIMED) {
    const composed = await composeOrHold(deps, item);
    if (composed === "held") return "held";
    if (!(await mayGo(deps, item))) return "paced";
    const retaken = await outbox.transition(item, { to: "drafted", draftId: CLAIMED }, clock.now());
    return draftAndSend(deps, retaken, composed, true);
  }
  const status = await mailbox.draftStatus(draftId);
  if (status === "sent") return recordSent(deps, item, draftId);
  if (age < deps.centre.letterInTransitMinutes * 60_000) return "waiting";
  if (status !== "draft") throw letterUnconfirmed(item.key);
  if (!(await mayGo(deps, item))) return "paced";
  const retaken = await outbox.transition(item, { to: "drafted", draftId }, clock.now());
  deps.logger.warn("outbox.resent-unsent-draft", { caseId: item.caseId, purpose: item.purpose });
  await mailbox.sendDraft(draftId);
  return recordSent(deps, retaken, draftId);
}

/** Records the letter on its case (idempotent: once per outbox key), then marks the item sent. */
async function recordSent(deps: AppDeps, item: OutboxItem, sentItemId: string): Promise<"sent"> {
  const payload = item.payload as unknown as LetterPayload;
  const stored = await deps.cases.getCase(item.caseId);
  if (!letterRecordedSent(stored.case, item.key)) {
    await changeCase(
      deps,
      item.caseId,
      { actor: systemActor("outbox"), roles: [] },
      {
        type: "recordLetterSent",
        letter: payload.letter,
        outboxKey: item.key,
        ...(payload.contactId ? { contactId: payload.contactId } : {}),
      },
      { loaded: stored, projectLater: true },
    );
  }
  await deps.outbox.transition(item, { to: "sent", sentItemId }, deps.clock.now());
  deps.logger.info("outbox.sent", { caseId: item.caseId, purpose: item.purpose });
  return "sent";
}
