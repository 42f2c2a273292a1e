import type { AppDeps } from "./app-deps.js";
import type { Decider } from "./decider.js";
import { linkContact } from "./link-contact.js";
import { logInboundMessage } from "./log-inbound-message.js";
import { refused, refusalsAsValues, type Refused } from "./outcome.js";
import { readCase } from "./queries/case-reading.js";
import { clocksNow } from "./queries/clocks-now.js";
import { lookupMail, type MailLookup } from "./queries/mail-lookup.js";

/** The email the service set aside: logging it by hand from Outlook is not offered yet, so say what to do instead. */
const setAside = (state: "ignored" | "quarantined", reason: string | undefined): Refused =>
  refused(
    "MAIL.SET_ASIDE",
    `The service ${state === "quarantined" ? "set this email aside for an administrator" : "did not log this email"}` +
      `${reason ? ` (${reason})` : ""}, and logging it from Outlook is not available yet. If it is a request for ` +
      "support, ask an administrator to log it.",
  );

/** A duty worker logs an email from the mailbox through the same intake the inbox round uses (once, whoever first). */
export async function logMailByHand(deps: AppDeps, messageId: string): Promise<MailLookup | Refused> {
  const record = await deps.messages.find(messageId);
  // The intake would answer "already handled" and change nothing: say so, rather than seem to log it.
  if (record?.state === "ignored" || record?.state === "quarantined") return setAside(record.state, record.reason);
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
