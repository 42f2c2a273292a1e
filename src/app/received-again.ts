import { systemActor } from "../domain/actor.js";
import { receivedAgainRecorded } from "../domain/lifecycle/decide-contacts.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import type { Logger } from "../logging/logger.js";
import type { LaterCopy } from "../ports/message-ledger.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase, type ChangeDeps } from "./change-case.js";
import { setAsideNote } from "./set-aside-note.js";

const INTAKE = { actor: systemActor("mailbox-intake"), roles: [] } as const;

/** Why a later copy of an email is not logged: the ignored list and the ledger say so. */
export const DUPLICATE_DELIVERY = "duplicate-delivery";

type Deps = ChangeDeps & Pick<AppDeps, "messages">;

/**
 * Issue 19 §1: a later copy of an email already taken in (the same Internet message delivered again as another Graph
 * message) is kept on the contact the first copy made, never logged or acknowledged again. The copy is recorded on
 * the email's delivery row first; if the first copy is not logged yet, its own intake finds the copy there once it is
 * (one side or the other always sees both, whichever finishes first).
 */
export async function logLaterCopy(
  deps: Deps,
  message: InboundMessage,
  delivery: { readonly identity: string; readonly firstMessageId: string },
  log: Logger,
): Promise<{ readonly outcome: "ignored"; readonly reason: string }> {
  await deps.messages.addLaterCopy(delivery.identity, { messageId: message.id, receivedAt: message.receivedAt });
  const first = await deps.messages.find(delivery.firstMessageId);
  if (first?.state === "logged" && first.caseId !== undefined && first.contactId !== undefined) {
    await noteReceivedAgain(deps, first.caseId, first.contactId, [
      { messageId: message.id, receivedAt: message.receivedAt },
    ]);
  }
  await deps.messages.markIgnored(message.id, DUPLICATE_DELIVERY, setAsideNote(message));
  log.info("intake.duplicate-delivery", { firstLogged: first?.state === "logged" });
  return { outcome: "ignored", reason: DUPLICATE_DELIVERY };
}

/** After the first copy is logged: the copies that arrived while it was being handled are kept on its contact. */
export async function noteLaterCopies(
  deps: Deps,
  identity: string | undefined,
  logged: { readonly caseId: string; readonly contactId: string },
): Promise<void> {
  if (identity === undefined) return;
  const copies = await deps.messages.laterCopies(identity);
  if (copies.length > 0) await noteReceivedAgain(deps, logged.caseId, logged.contactId, copies);
}

async function noteReceivedAgain(
  deps: Deps,
  caseId: string,
  contactId: string,
  copies: readonly LaterCopy[],
): Promise<void> {
  const { case: kase } = await deps.cases.getCase(caseId);
  for (const copy of copies.filter((c) => !receivedAgainRecorded(kase, c.messageId))) {
    await changeCase(deps, caseId, INTAKE, { type: "recordReceivedAgain", contactId, ...copy });
  }
}
