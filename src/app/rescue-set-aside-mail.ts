import { findOriginalReferrer } from "../domain/mail/original-referrer.js";
import { isSetAside, type MessageRecord } from "../ports/message-ledger.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase } from "./change-case.js";
import { contactOf, logInboundMessage } from "./log-inbound-message.js";
import { contactIdFor } from "./mail-keys.js";
import type { Decider } from "./decider.js";
import { isRefused, refused, refusalsAsValues, type Refused } from "./outcome.js";

/** Where a rescued email was logged. */
export interface RescuedMail {
  readonly caseId: string;
  readonly contactId: string;
}

type SetAside = MessageRecord & { readonly state: "ignored" | "quarantined" };

const isStillSetAside = (found: SetAside | RescuedMail): found is SetAside => "state" in found;

/** A duty worker asked to log an email the service did not set aside: it is logged already, or being logged now. */
const notSetAside = (state: string): Refused =>
  refused(
    "MAIL.NOT_SET_ASIDE",
    state === "claimed"
      ? "The service is logging this email now: reload in a minute to see where it went."
      : "This email is not among the ignored and quarantined mail: reload to see where it is.",
  );

/**
 * The ledger record of an email a duty worker wants logged: set aside (ignored or quarantined), or already logged
 * (a second click, answered with where it went). Anything else is refused: it is being logged now. It stays set
 * aside until it is logged, so a rescue stopped part-way is simply asked for again.
 */
async function setAsideOrLogged(
  deps: Pick<AppDeps, "messages">,
  messageId: string,
): Promise<SetAside | RescuedMail | Refused> {
  const record = await deps.messages.find(messageId);
  if (record?.state === "logged" && record.caseId !== undefined && record.contactId !== undefined) {
    return { caseId: record.caseId, contactId: record.contactId };
  }
  if (isSetAside(record)) return record;
  return notSetAside(record?.state ?? "unknown");
}

/** The audit: who logged it, and what the service had set it aside as and why. */
async function recordRescue(deps: AppDeps, who: Decider, record: SetAside, logged: RescuedMail): Promise<RescuedMail> {
  await changeCase(deps, logged.caseId, who, {
    type: "recordRescuedMail",
    contactId: logged.contactId,
    messageId: record.messageId,
    setAsideAs: record.state,
    reason: record.reason ?? "unknown",
  });
  await deps.messages.clearSetAside(record.messageId);
  return logged;
}

/**
 * Issue 19 §5: a duty worker logs an email the service ignored or quarantined as a new contact, through the same
 * intake as any email (its clocks start when it was received). It is an "other" contact whose sender is not yet a
 * confirmed referrer, so no acknowledgement goes until a person confirms who to send it to; the case records who
 * logged it and what it had been set aside as.
 */
export async function logSetAsideMail(deps: AppDeps, who: Decider, messageId: string): Promise<RescuedMail | Refused> {
  const found = await setAsideOrLogged(deps, messageId);
  if (isRefused(found) || !isStillSetAside(found)) return found;
  const setAside = found;
  return refusalsAsValues(async () => {
    const message = await deps.mailbox.getMessage(messageId);
    const result = await logInboundMessage(deps, message, { rescue: true });
    if (result.outcome !== "logged") return notSetAside("claimed");
    return recordRescue(deps, who, setAside, result);
  });
}

/**
 * Issue 19 §5: a duty worker attaches an email the service ignored or quarantined to a case it is about, as a
 * follow-up contact there (no acknowledgement, no new clocks), recorded under their name.
 */
export async function attachSetAsideMail(
  deps: AppDeps,
  who: Decider,
  messageId: string,
  caseId: string,
): Promise<RescuedMail | Refused> {
  const found = await setAsideOrLogged(deps, messageId);
  if (isRefused(found)) return found;
  if (!isStillSetAside(found)) return found.caseId === caseId ? found : onAnotherCase(found.caseId);
  const setAside = found;
  return refusalsAsValues(() => attach(deps, who, setAside, caseId));
}

/** The email was logged on one case and a duty worker asked to attach it to another: link the contact instead. */
const onAnotherCase = (caseId: string): Refused =>
  refused(
    "MAIL.ON_ANOTHER_CASE",
    `This email is already logged on case ${caseId}. To move it, link that contact to the other case.`,
  );

async function attach(deps: AppDeps, who: Decider, found: SetAside, caseId: string): Promise<RescuedMail> {
  const { messageId } = found;
  const message = await deps.mailbox.getMessage(messageId);
  const target = await deps.cases.getCase(caseId);
  const contact = contactOf(message, findOriginalReferrer(message, deps.mailContext).referrer, {
    caseId,
    kind: target.case.kind,
    followUp: true,
  });
  if (!target.contacts.some((c) => c.id === contact.id)) {
    await changeCase(
      deps,
      caseId,
      who,
      { type: "attachFollowUpContact", contactId: contact.id },
      { newContacts: [contact], loaded: target },
    );
  }
  await deps.messages.markLogged(messageId, caseId, contactIdFor(messageId));
  return recordRescue(deps, who, found, { caseId, contactId: contact.id });
}
