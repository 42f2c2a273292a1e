import { checkMailContext, findCaseReference } from "./addresses.js";
import { autoreplyFinding, deliveryFailureFinding, mailingListFinding, ownMailFinding } from "./automated-mail.js";
import { contactSignal } from "./contact-signals.js";
import type { InboundMessage } from "./inbound-message.js";
import type { MailContext } from "./mail-context.js";
import { machineMailFinding, MACHINE_MAIL_KINDS } from "./machine-mail.js";
import { findReferrerFields } from "./referrer-fields.js";

export const CLASSIFICATION_KINDS = [
  "early-help-assessment",
  "request-for-support",
  "dart",
  "front-door",
  "reply-to-case",
  "autoreply",
  "delivery-failure",
  "own-mail",
  ...MACHINE_MAIL_KINDS,
  "not-a-contact",
] as const;
export type ClassificationKind = (typeof CLASSIFICATION_KINDS)[number];

/** What a message in the group mailbox is, and why: the reasons are shown on the duty worker's triage card. */
export interface Classification {
  readonly kind: ClassificationKind;
  readonly reasons: readonly string[];
  /** 0..1; a duty worker checks anything the rules were unsure of. */
  readonly confidence: number;
  /** A case reference found in the subject (or the case the conversation already belongs to). */
  readonly caseReference?: string;
}

const NOT_A_CONTACT_CONFIDENCE = 0.6;

/**
 * Sorts one inbound message. Precedence: our own mail, then bounces, then other machine mail (delay and read
 * receipts, feedback reports, list notices, calendar, recalls, challenges, SMS and antivirus notices), then
 * autoreplies, then mailing lists,
 * then replies on a case, then the request kinds (DART, Front Door, EHA, Request for Support).
 */
export const classifyMessage = (message: InboundMessage, context: MailContext): Classification => {
  const classification = classifyWhole(message, context);
  if (message.bodyCut === undefined) return classification;
  return { ...classification, reasons: [...classification.reasons, bodyCutReason(message.bodyCut)] };
};

/** Issue 19: a body longer than the intake reads is cut, and the duty worker told to read the rest in the mailbox. */
const bodyCutReason = (cut: NonNullable<InboundMessage["bodyCut"]>): string =>
  `Its body is longer than the intake reads: only the first ${cut.readChars.toLocaleString("en-GB")} of ` +
  `${cut.totalChars.toLocaleString("en-GB")} characters of its ${cut.limit === "html" ? "HTML" : "text"} were read, ` +
  "so read the rest in the mailbox.";

const classifyWhole = (message: InboundMessage, context: MailContext): Classification => {
  checkMailContext(context);
  const subjectReference = findCaseReference(message.subject, context);
  const withReference = (classification: Classification): Classification =>
    subjectReference === undefined ? classification : { ...classification, caseReference: subjectReference };

  const own = ownMailFinding(message, context);
  if (own !== undefined) return withReference({ kind: "own-mail", ...own });
  const bounce = deliveryFailureFinding(message);
  if (bounce !== undefined) return withReference({ kind: "delivery-failure", ...bounce });
  const machine = machineMailFinding(message);
  if (machine !== undefined) return withReference(machine);

  const request = contactSignal(message, context);
  const autoreply = autoreplyFinding(message);
  // A portal that submits Front Door forms marks its mail as machine-sent; losing such a contact would be
  // worse than a spare triage card, so a form with referrer details outranks "a machine sent it".
  const portalForm =
    autoreply?.onlyMachineSent === true && request !== undefined && findReferrerFields(message.bodyText).length > 0;
  if (autoreply !== undefined && !portalForm) return withReference({ kind: "autoreply", ...autoreply });

  const list = mailingListFinding(message);
  if (list !== undefined) return withReference({ kind: "not-a-contact", ...list });

  const caseReference = subjectReference ?? context.knownConversation?.caseId;
  if (caseReference !== undefined) {
    return {
      kind: "reply-to-case",
      reasons: [
        subjectReference !== undefined
          ? `Its subject quotes case ${subjectReference}.`
          : `It continues a conversation already linked to case ${caseReference}.`,
      ],
      confidence: subjectReference !== undefined ? 0.95 : 0.9,
      caseReference,
    };
  }

  if (request !== undefined) {
    const machineNote = portalForm ? (autoreply?.reasons ?? []) : [];
    return { kind: request.kind, reasons: [...request.reasons, ...machineNote], confidence: request.confidence };
  }
  return {
    kind: "not-a-contact",
    reasons: ["No sign of an EHA, Request for Support, DART or Front Door form: a duty worker should check it."],
    confidence: NOT_A_CONTACT_CONFIDENCE,
  };
};
