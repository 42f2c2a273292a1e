import { systemActor } from "../domain/actor.js";
import { describeError } from "../logging/logger.js";
import { isMailboxBusy, type OutboxItem } from "../ports.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase } from "./change-case.js";
import { composeLetter, type LetterPayload } from "./compose-letter.js";
import { letterUnconfirmed } from "./errors.js";

export interface OutboxRound {
  readonly sent: number;
  readonly held: number;
  readonly waiting: number;
  readonly failed: number;
  /** Exchange asked us to slow down: the rest waits for the next round. */
  readonly throttled: boolean;
}

/** How long a letter handed to Exchange may take to appear in Sent Items before a person is asked to check. */
const CONFIRMATION_PATIENCE_MS = 30 * 60_000;

/**
 * Sends what the outbox holds, each letter exactly once, even across crashes and retries:
 * find it in Sent Items by its marker → else find or create its draft and record the draft id → send the draft →
 * confirm in Sent Items → record the letter on the case (which stops 1.2, 2.2 or 3.1) → mark it sent.
 * A draft that was handed over but has not yet appeared in Sent Items is never sent again: it is waited for.
 */
export async function deliverOutbox(deps: AppDeps, limit = 20): Promise<OutboxRound> {
  const round = { sent: 0, held: 0, waiting: 0, failed: 0, throttled: false };
  for (const item of await deps.outbox.listPending(limit, "email")) {
    try {
      round[await deliverOne(deps, item)]++;
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
  return round;
}

async function deliverOne(deps: AppDeps, item: OutboxItem): Promise<"sent" | "held" | "waiting"> {
  const { mailbox, outbox, clock } = deps;
  const already = await mailbox.findSentByOutboxKey(item.key);
  if (already !== undefined) return recordSent(deps, item, already.id);

  const stored = await deps.cases.getCase(item.caseId);
  const composed = composeLetter(deps, stored, item);
  if (!composed.ready) {
    await outbox.transition(item, { to: "held" }, clock.now());
    return "held";
  }

  let drafted = item;
  const draft = await mailbox.findDraftByOutboxKey(item.key);
  if (item.state === "drafted" && draft === undefined) {
    // Handed to Exchange earlier and no longer a draft: it is on its way to Sent Items. Never send it again.
    if (clock.now().getTime() - Date.parse(item.updatedAt) > CONFIRMATION_PATIENCE_MS)
      throw letterUnconfirmed(item.key);
    return "waiting";
  }
  if (draft === undefined || item.state !== "drafted") {
    const mail = {
      outboxKey: item.key,
      to: [composed.to],
      subject: composed.letter.subject,
      bodyText: composed.letter.bodyText,
    };
    const replyTo = composed.payload.replyToMessageId;
    const created =
      draft ?? (replyTo ? await mailbox.createReplyDraft(replyTo, mail) : await mailbox.createDraft(mail));
    drafted = await outbox.transition(item, { to: "drafted", draftId: created.id }, clock.now());
  }
  await mailbox.sendDraft(drafted.draftId ?? "");
  const confirmed = await mailbox.findSentByOutboxKey(item.key);
  return confirmed === undefined ? "waiting" : recordSent(deps, drafted, confirmed.id);
}

/** Records the letter on its case (idempotent: once per outbox key), then marks the item sent. */
async function recordSent(deps: AppDeps, item: OutboxItem, sentItemId: string): Promise<"sent"> {
  const payload = item.payload as unknown as LetterPayload;
  const stored = await deps.cases.getCase(item.caseId);
  const recorded = stored.case.events.some((e) => "outboxKey" in e.data && e.data.outboxKey === item.key);
  if (!recorded) {
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
    );
  }
  await deps.outbox.transition(item, { to: "sent", sentItemId }, deps.clock.now());
  deps.logger.info("outbox.sent", { caseId: item.caseId, purpose: item.purpose });
  return "sent";
}
