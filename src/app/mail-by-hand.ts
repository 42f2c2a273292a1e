import { isSetAside } from "../ports/message-ledger.js";
import type { AppDeps } from "./app-deps.js";
import type { Decider } from "./decider.js";
import { linkContact } from "./link-contact.js";
import { logInboundMessage } from "./log-inbound-message.js";
import { isRefused, refused, refusalsAsValues, type Refused } from "./outcome.js";
import { readCase } from "./queries/case-reading.js";
import { clocksNow } from "./queries/clocks-now.js";
import { lookupMail, type MailLookup } from "./queries/mail-lookup.js";
import { attachSetAsideMail, logSetAsideMail } from "./rescue-set-aside-mail.js";

/**
 * A duty worker logs an email from the mailbox through the same intake the inbox round uses (once, whoever first);
 * one the service ignored or quarantined is logged as a contact under their name (issue 19 §5).
 */
export async function logMailByHand(deps: AppDeps, who: Decider, messageId: string): Promise<MailLookup | Refused> {
  if (isSetAside(await deps.messages.find(messageId))) {
    const rescued = await logSetAsideMail(deps, who, messageId);
    return isRefused(rescued) ? rescued : lookupMail(deps, messageId);
  }
  return refusalsAsValues(async () => {
    await logInboundMessage(deps, await deps.mailbox.getMessage(messageId));
    return lookupMail(deps, messageId);
  });
}

/**
 * Duty triage from Outlook: the email was logged as a new case but is about `toCaseId`; the contact moves there and
 * the new case closes as linked (the same use case as the triage card's). Outlook offers the link before the inbox
 * round has reached the email: it is logged first (once), then moved.
 */
export async function linkMailToCase(
  deps: AppDeps,
  who: Decider,
  messageId: string,
  toCaseId: string,
): Promise<MailLookup | Refused> {
  // One the service ignored or quarantined has no case of its own: it is attached to that case as a follow-up.
  if (isSetAside(await deps.messages.find(messageId))) {
    const attached = await attachSetAsideMail(deps, who, messageId, toCaseId);
    return isRefused(attached) ? attached : lookupMail(deps, messageId);
  }
  return refusalsAsValues(async (): Promise<MailLookup | Refused> => {
    if ((await deps.messages.find(messageId)) === undefined) {
      await logInboundMessage(deps, await deps.mailbox.getMessage(messageId));
    }
    const record = await deps.messages.find(messageId);
    if (record?.caseId === undefined)
      return refused("STORE.NOT_FOUND", "A logged contact for this email was not found.");
    const linked = await linkContact(deps, record.caseId, who, { toCaseId });
    if (linked.status === "refused") return linked;
    const target = await deps.cases.getCase(toCaseId);
    return { messageId, record, reading: readCase(target, clocksNow(deps)) };
  });
}
