import { domainOf, isMachineAddress, normaliseAddress } from "./addresses.js";
import { startsWithAny } from "./automated-subjects.js";
import { combine, type Finding } from "./finding.js";
import { hasHeader, headerToken } from "./headers.js";
import type { InboundMessage } from "./inbound-message.js";
import {
  ANTIVIRUS_WORDING,
  CALENDAR_SUBJECTS,
  CHALLENGE_WORDING,
  DELAY_WORDING,
  DELIVERY_NOTICE_SUBJECTS,
  LIST_ADMIN_WORDING,
  READ_RECEIPT_SUBJECTS,
  RECALL_REPORT_SUBJECTS,
  RECALL_SUBJECTS,
  RECALL_WORDING,
  RECEIPT_WORDING,
  SMS_SUBJECTS,
} from "./machine-subjects.js";

/** Mail that systems send about mail: never a request for help, never answered (issue 19 §4). */
export const MACHINE_MAIL_KINDS = [
  "delivery-notice",
  "feedback-report",
  "read-receipt",
  "list-admin",
  "challenge-response",
  "sms-gateway",
  "antivirus-notice",
  "recall",
  "calendar",
] as const;
export type MachineMailKind = (typeof MACHINE_MAIL_KINDS)[number];

export interface MachineMailFinding extends Finding {
  readonly kind: MachineMailKind;
}

/** How much of a body the notices' wording is looked for in: it is at the top, and a body may be 256 KB. */
const WORDING_CHARS = 4_096;

const senderOf = (message: InboundMessage): string => message.from?.address ?? message.sender?.address ?? "";
const localPart = (address: string): string => normaliseAddress(address).split("@")[0] ?? "";
const opening = (message: InboundMessage): string => `${message.subject}\n${message.bodyText.slice(0, WORDING_CHARS)}`;

/** The report type of a multipart/report (RFC 6522): delivery-status, disposition-notification, feedback-report. */
const reportType = (message: InboundMessage): string | undefined => {
  const type = headerToken(message, "content-type") ?? "";
  return type.startsWith("multipart/report") ? /report-type\s*=\s*"?([a-z-]+)/.exec(type)?.[1] : undefined;
};

const hasPart = (message: InboundMessage, type: string): boolean =>
  message.attachments.some((a) => a.contentType.toLowerCase().split(";")[0]?.trim() === type);

/** A machine says it sent this (RFC 3834 Auto-Submitted), or it comes from a system address. */
const machineSays = (message: InboundMessage): boolean => {
  const submitted = headerToken(message, "auto-submitted");
  return (submitted !== undefined && !submitted.startsWith("no")) || isMachineAddress(senderOf(message));
};

const isNdr = (message: InboundMessage): boolean =>
  reportType(message) === "delivery-status" || hasHeader(message, "x-ms-exchange-message-is-ndr");

/** RFC 3464 reports of a delay, a relay or a delivery: the mail is on its way or arrived, so nothing was lost. */
export const deliveryNoticeFinding = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies:
        isNdr(message) &&
        (DELAY_WORDING.test(opening(message)) || startsWithAny(message.subject, DELIVERY_NOTICE_SUBJECTS)),
      reason: "It is a mail server's delivery status report (RFC 3464) saying delivery is delayed or done, not failed.",
      confidence: 0.97,
    },
    {
      applies: startsWithAny(message.subject, DELIVERY_NOTICE_SUBJECTS) && machineSays(message),
      reason: "Its subject is a mail server's delay warning or delivery notice.",
      confidence: 0.9,
    },
  ]);

const feedbackReport = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies: reportType(message) === "feedback-report" || hasPart(message, "message/feedback-report"),
      reason: "It is an abuse or spam feedback report (ARF, RFC 5965) from a mail provider.",
      confidence: 0.99,
    },
  ]);

const readReceipt = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies:
        reportType(message) === "disposition-notification" || hasPart(message, "message/disposition-notification"),
      reason: "It is a read receipt (a message disposition notification, RFC 8098).",
      confidence: 0.99,
    },
    {
      applies:
        startsWithAny(message.subject, READ_RECEIPT_SUBJECTS) &&
        (machineSays(message) || RECEIPT_WORDING.test(opening(message))),
      reason: "It is a read or return receipt for a message sent from here.",
      confidence: 0.9,
    },
  ]);

const recall = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies:
        (startsWithAny(message.subject, RECALL_SUBJECTS) && RECALL_WORDING.test(opening(message))) ||
        startsWithAny(message.subject, RECALL_REPORT_SUBJECTS),
      reason: "It is Outlook's request to recall a message, or its report of a recall.",
      confidence: 0.95,
    },
  ]);

const isCalendarType = (type: string): boolean => type.startsWith("text/calendar") || type === "application/ics";

const calendar = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies:
        isCalendarType(headerToken(message, "content-type") ?? "") ||
        (headerToken(message, "content-class") ?? "").includes("calendarmessage"),
      reason: "It is a calendar invitation or a response to one.",
      confidence: 0.97,
    },
    {
      applies:
        startsWithAny(message.subject, CALENDAR_SUBJECTS) &&
        message.attachments.some((a) => isCalendarType(a.contentType.toLowerCase()) || /\.ics$/i.test(a.name)),
      reason: "It is a calendar invitation or response, with its event attached.",
      confidence: 0.95,
    },
  ]);

/** List software's own addresses (Mailman, LISTSERV, Sympa, Majordomo, ezmlm) and its admin addresses. */
const LIST_SOFTWARE =
  /^(?:.+-(?:owner|request|bounces?|admin|confirm)(?:\+.*)?|owner-.+|mailman|listserv|sympa|majordomo|ezmlm|lyris)$/;

const hasListSign = (message: InboundMessage): boolean =>
  ["list-id", "x-mailman-version", "x-google-group-id", "x-listserver", "x-ezmlm-command"].some((h) =>
    hasHeader(message, h),
  ) ||
  LIST_SOFTWARE.test(localPart(senderOf(message))) ||
  domainOf(senderOf(message)) === "googlegroups.com";

const listAdmin = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies: hasListSign(message) && LIST_ADMIN_WORDING.test(opening(message)),
      reason: "It is a mailing list's own notice (moderation, a probe, or a change of membership).",
      confidence: 0.93,
    },
  ]);

const challengeResponse = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies: Object.keys(message.headers).some((name) => /^x-(?:boxbe|challenge|spamarrest|mailblocks)/.test(name)),
      reason: "It is a challenge-response spam filter asking the sender to prove they are a person.",
      confidence: 0.95,
    },
    {
      applies: CHALLENGE_WORDING.test(opening(message)) && machineSays(message),
      reason: "It is an automatic request to verify the sender before mail is delivered (challenge-response).",
      confidence: 0.9,
    },
  ]);

/** An SMS gateway writes the phone number as the sender's mailbox (+447700900123@sms.gateway.example). */
const PHONE_MAILBOX = /^\+?\d{9,15}$/;
const SMS_DOMAIN = /(?:^|[.-])(?:sms|txt|text|mms|vtext|tmomail|textmagic|esendex|messagebird|twilio)(?:[.-]|$)/;

const smsGateway = (message: InboundMessage): Finding | undefined =>
  combine([
    {
      applies: PHONE_MAILBOX.test(localPart(senderOf(message))) && SMS_DOMAIN.test(domainOf(senderOf(message))),
      reason: "It was sent by an SMS gateway (a text message's reply or delivery report), not written as an email.",
      confidence: 0.9,
    },
    {
      applies: startsWithAny(message.subject, SMS_SUBJECTS) && machineSays(message),
      reason: "It is an SMS gateway's delivery report.",
      confidence: 0.9,
    },
  ]);

const SCANNER_MAILBOX =
  /^(?:quarantine|mailscanner|amavis|virus-?alert|virus|antivirus|clamav|mail-?security|email-?security|spam-?quarantine|mimecast|sophos|barracuda|proofpoint)(?:[-+.].*)?$/;

const antivirusNotice = (message: InboundMessage): Finding | undefined =>
  combine([
    { applies: hasHeader(message, "x-amavis-alert"), reason: "A virus scanner raised this alert.", confidence: 0.95 },
    {
      applies:
        ANTIVIRUS_WORDING.test(opening(message)) &&
        (machineSays(message) || SCANNER_MAILBOX.test(localPart(senderOf(message)))),
      reason: "It is an antivirus or mail gateway notice (a quarantined, held or cleaned message).",
      confidence: 0.92,
    },
  ]);

const FINDERS: readonly [MachineMailKind, (message: InboundMessage) => Finding | undefined][] = [
  ["feedback-report", feedbackReport],
  ["read-receipt", readReceipt],
  ["delivery-notice", deliveryNoticeFinding],
  ["recall", recall],
  ["calendar", calendar],
  ["list-admin", listAdmin],
  ["challenge-response", challengeResponse],
  ["sms-gateway", smsGateway],
  ["antivirus-notice", antivirusNotice],
];

/**
 * Mail that systems send about mail, by kind, with why. Judged on the message's own headers, sender and subject
 * (and on the top of its text only together with those), so a person forwarding such a notice is still a person.
 */
export const machineMailFinding = (message: InboundMessage): MachineMailFinding | undefined => {
  for (const [kind, find] of FINDERS) {
    const finding = find(message);
    if (finding !== undefined) return { kind, ...finding };
  }
  return undefined;
};
