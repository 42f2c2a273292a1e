import { findEmail, isMachineAddress, sameAddress } from "./addresses.js";
import { AUTOREPLY_SUBJECTS, DELIVERY_FAILURE_SUBJECTS, startsWithAny } from "./automated-subjects.js";
import { combine, type Finding, type Signal } from "./finding.js";
import { hasHeader, headerToken, headerValues } from "./headers.js";
import type { InboundMessage } from "./inbound-message.js";
import { deliveryNoticeFinding, machineMailFinding } from "./machine-mail.js";
import type { MailContext } from "./mail-context.js";

export type { Finding } from "./finding.js";

export interface AutoreplyFinding extends Finding {
  /**
   * True when the only evidence is "a machine sent this" (Auto-Submitted: auto-generated, Precedence: bulk),
   * not "this answers you": a Front Door portal's form looks like that and must not be lost.
   */
  readonly onlyMachineSent: boolean;
}

const senderAddress = (message: InboundMessage): string | undefined => message.from?.address ?? message.sender?.address;

const contentType = (message: InboundMessage): string => headerToken(message, "content-type") ?? "";

/** multipart/report is a machine report (RFC 6522); report-type=delivery-status is a DSN (RFC 3464). */
const isReport = (message: InboundMessage): boolean => contentType(message).startsWith("multipart/report");
const isDeliveryStatusReport = (message: InboundMessage): boolean =>
  isReport(message) && /report-type\s*=\s*"?delivery-status/.test(contentType(message));

export const ownMailFinding = (message: InboundMessage, context: MailContext): Finding | undefined => {
  const from = senderAddress(message);
  return combine([
    {
      applies: hasHeader(message, context.ownMarker.header),
      reason: "It carries this service's outbox marker: it is a message we sent.",
      confidence: 1,
    },
    {
      applies: from !== undefined && sameAddress(from, context.groupMailbox),
      reason: "It was sent from the Family Centre group mailbox itself.",
      confidence: 0.9,
    },
  ]);
};

/**
 * A report that mail could not be delivered; a delay, a relay or a delivery notice is not one. A mail server's
 * address alone says only "a machine": its recall report or quarantine notice is that, not a bounce.
 */
export const deliveryFailureFinding = (message: InboundMessage): Finding | undefined => {
  if (deliveryNoticeFinding(message) !== undefined) return undefined;
  const from = senderAddress(message);
  const fromMailServer =
    from !== undefined && /^(?:postmaster|mailer-daemon|microsoftexchange[0-9a-f]{32})@/i.test(from);
  const report = combine([
    {
      applies: isDeliveryStatusReport(message),
      reason: "It is a delivery status report from a mail server (multipart/report).",
      confidence: 0.99,
    },
    {
      applies: hasHeader(message, "x-failed-recipients"),
      reason: "The mail server lists addresses it could not deliver to.",
      confidence: 0.95,
    },
    {
      applies: startsWithAny(message.subject, DELIVERY_FAILURE_SUBJECTS),
      reason: "Its subject says a message could not be delivered.",
      confidence: 0.8,
    },
  ]);
  if (!fromMailServer) return report;
  const server = "It comes from a mail server (postmaster or MAILER-DAEMON), not a person.";
  if (report !== undefined)
    return { reasons: [...report.reasons, server], confidence: Math.max(report.confidence, 0.9) };
  return machineMailFinding(message) === undefined ? { reasons: [server], confidence: 0.9 } : undefined;
};

/** List-Id (RFC 2919) or a bulk mailing that offers to unsubscribe (RFC 2369). */
export const mailingListFinding = (message: InboundMessage): Finding | undefined => {
  const precedence = headerToken(message, "precedence");
  return combine([
    { applies: hasHeader(message, "list-id"), reason: "It was sent to a mailing list.", confidence: 0.9 },
    { applies: precedence === "list", reason: "It is marked as mailing-list mail.", confidence: 0.85 },
    {
      applies: hasHeader(message, "list-unsubscribe") && precedence === "bulk",
      reason: "It is a bulk mailing with an unsubscribe link.",
      confidence: 0.85,
    },
  ]);
};

/**
 * RFC 3834 §5: any Auto-Submitted value but "no" means a machine sent it. X-Auto-Response-Suppress is
 * deliberately NOT evidence: Outlook and Exchange put it on ordinary mail to ask others not to autoreply
 * (MS-OXCMAIL 2.1.3.2.20; discourse/discourse#21367 and sisimai/p5-sisimai#491 removed it as a signal).
 */
export const autoreplyFinding = (message: InboundMessage): AutoreplyFinding | undefined => {
  const submitted = headerToken(message, "auto-submitted")?.split(";")[0]?.trim();
  const precedence = headerToken(message, "precedence");
  const answers: Signal[] = [
    {
      applies: submitted === "auto-replied",
      reason: "It says it is an automatic reply.",
      confidence: 0.95,
    },
    {
      applies: hasHeader(message, "x-autoreply") || hasHeader(message, "x-autorespond"),
      reason: "It is marked as an autoresponder's reply.",
      confidence: 0.95,
    },
    { applies: precedence === "auto_reply", reason: "It is marked as an automatic reply.", confidence: 0.9 },
    {
      applies: isReport(message) && !isDeliveryStatusReport(message),
      reason: "It is an automatic report (such as a read receipt).",
      confidence: 0.9,
    },
    {
      applies: startsWithAny(message.subject, AUTOREPLY_SUBJECTS),
      reason: "Its subject is an automatic or out-of-office reply.",
      confidence: 0.75,
    },
  ];
  const machineSent: Signal[] = [
    {
      applies: submitted !== undefined && submitted !== "no" && submitted !== "auto-replied",
      reason: "It says a machine sent it automatically.",
      confidence: 0.9,
    },
    {
      applies: (precedence === "bulk" || precedence === "junk") && mailingListFinding(message) === undefined,
      reason: "It is marked as sent automatically in bulk.",
      confidence: 0.8,
    },
  ];
  const finding = combine([...answers, ...machineSent]);
  if (finding === undefined) return undefined;
  return { ...finding, onlyMachineSent: combine(answers) === undefined };
};

/** A null reverse-path (Return-Path: <>) is how bounces and autoreplies are sent (RFC 5321 §4.5.5). */
export const hasNullReturnPath = (message: InboundMessage): boolean =>
  headerValues(message, "return-path").some((value) => /^\s*<\s*>\s*$/.test(value));

export const machineSenderFinding = (message: InboundMessage): Finding | undefined => {
  const from = senderAddress(message);
  const replyTo = message.replyTo.map((address) => address.address);
  const answerable = [from, ...replyTo].filter((address): address is string => address !== undefined);
  return combine([
    {
      applies: answerable.length === 0 || answerable.every((address) => findEmail(address) === undefined),
      reason: "It has no sender address to answer.",
      confidence: 1,
    },
    {
      applies: from !== undefined && isMachineAddress(from) && replyTo.every(isMachineAddress),
      reason: "It comes from a no-reply or system address.",
      confidence: 0.9,
    },
    { applies: hasNullReturnPath(message), reason: "It was sent with no return path.", confidence: 0.9 },
  ]);
};
