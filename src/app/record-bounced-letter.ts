import { systemActor } from "../domain/actor.js";
import { letterRecordedReturned } from "../domain/letters/letter-sent.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import { returnedOwnLetterKey } from "../domain/mail/returned-message.js";
import type { Logger } from "../logging/logger.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase } from "./change-case.js";

const INTAKE = systemActor("mailbox-intake");

/**
 * A delivery failure that returns our own acknowledgement (our marker in its returned headers) is recorded on the
 * case as `acknowledgement.not-delivered`, so that 1.2 runs again and the duty worker sees it on the timeline and
 * can reach the referrer another way. The bounce itself is never answered. Once per letter: a replayed bounce, or
 * a second server's bounce of the same letter, changes nothing. A marker for a letter we never queued is ignored.
 */
export async function recordBouncedLetter(deps: AppDeps, message: InboundMessage, log: Logger): Promise<void> {
  const outboxKey = returnedOwnLetterKey(message, deps.mailContext);
  if (outboxKey === undefined) return;
  const caseId = deps.mailContext.caseReferencePattern.exec(outboxKey)?.[0];
  const letter = caseId === undefined ? undefined : await deps.outbox.get(caseId, outboxKey);
  const contactId = letter?.payload["contactId"];
  if (caseId === undefined || letter?.purpose !== "acknowledgement" || typeof contactId !== "string") {
    log.info("intake.bounce-unmatched", {});
    return;
  }
  const stored = await deps.cases.getCase(caseId);
  if (!letterRecordedReturned(stored.case, outboxKey)) {
    await changeCase(
      deps,
      caseId,
      { actor: INTAKE, roles: [] },
      { type: "recordAcknowledgementNotDelivered", contactId, outboxKey },
      { loaded: stored },
    );
  }
  log.info("intake.acknowledgement-bounced", { caseId });
}
