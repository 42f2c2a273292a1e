import { sameAddress } from "./addresses.js";
import type { InboundMessage } from "./inbound-message.js";
import type { MailContext } from "./mail-context.js";
import { findReferrerFields } from "./referrer-fields.js";

export type ContactSignalKind = "dart" | "front-door" | "early-help-assessment" | "request-for-support";

/** Evidence that a message is one kind of request for help (rule 1.3 lists the kinds). */
export interface ContactSignal {
  readonly kind: ContactSignalKind;
  readonly reasons: readonly string[];
  readonly confidence: number;
}

interface Evidence {
  readonly applies: boolean;
  readonly reason: string;
  readonly confidence: number;
}

const signal = (kind: ContactSignalKind, evidence: readonly Evidence[]): ContactSignal | undefined => {
  const found = evidence.filter((e) => e.applies);
  if (found.length === 0) return undefined;
  // Two independent signs together are stronger than either alone.
  const best = Math.max(...found.map((e) => e.confidence));
  const confidence = Math.min(0.98, found.length > 1 ? Math.round((best + 0.05) * 100) / 100 : best);
  return { kind, reasons: found.map((e) => e.reason), confidence };
};

const attachmentNamed = (message: InboundMessage, pattern: RegExp): boolean =>
  message.attachments.some((attachment) => pattern.test(attachment.name.replace(/[_.-]+/g, " ")));

// "DART" is matched case-sensitively: it is an acronym, and "dart" is an ordinary word. In a body it must
// name a notification, because a DART is not acknowledged (rule 1.2) and a form that merely asks
// "previous DART?" must still be.
const DART_PHRASE = /domestic abuse (?:referral|response|risk|notification)/i;
const dartInSubject = (subject: string): boolean => /\bDART\b/.test(subject) || DART_PHRASE.test(subject);
const dartInBody = (body: string): boolean =>
  /\bDART (?:notification|referral|contact|report)\b/i.test(body) ||
  /domestic abuse (?:referral|response) team/i.test(body);

export const dartSignal = (message: InboundMessage): ContactSignal | undefined =>
  signal("dart", [
    {
      applies: dartInSubject(message.subject),
      reason: "Its subject names a DART (domestic abuse) notification.",
      confidence: 0.9,
    },
    {
      applies: dartInBody(message.bodyText),
      reason: "Its text names a DART (domestic abuse) notification.",
      confidence: 0.7,
    },
  ]);

const FRONT_DOOR = /\bfront ?door\b/i;

export const frontDoorSignal = (message: InboundMessage, context: MailContext): ContactSignal | undefined => {
  const from = message.from?.address;
  const fields = findReferrerFields(message.bodyText);
  return signal("front-door", [
    {
      applies: from !== undefined && context.earlyHelpDesk.some((desk) => sameAddress(desk, from)),
      reason: "It was forwarded by the Early Help Desk.",
      confidence: 0.9,
    },
    {
      applies: FRONT_DOOR.test(message.bodyText) && fields.length > 0,
      reason: "It contains a Front Door form with referrer details.",
      confidence: 0.75,
    },
    { applies: FRONT_DOOR.test(message.subject), reason: "Its subject names the Front Door.", confidence: 0.7 },
  ]);
};

const EHA = /\bearly help assessment\b|\bEHA\b/i;

export const earlyHelpAssessmentSignal = (message: InboundMessage): ContactSignal | undefined =>
  signal("early-help-assessment", [
    { applies: EHA.test(message.subject), reason: "Its subject names an Early Help Assessment.", confidence: 0.85 },
    {
      applies: attachmentNamed(message, EHA),
      reason: "It has an Early Help Assessment attached.",
      confidence: 0.85,
    },
    { applies: EHA.test(message.bodyText), reason: "Its text mentions an Early Help Assessment.", confidence: 0.6 },
  ]);

const RFS = /\brequests? for support\b|\bRFS\b/i;

export const requestForSupportSignal = (message: InboundMessage): ContactSignal | undefined =>
  signal("request-for-support", [
    { applies: RFS.test(message.subject), reason: "Its subject names a Request for Support.", confidence: 0.85 },
    { applies: attachmentNamed(message, RFS), reason: "It has a Request for Support form attached.", confidence: 0.8 },
    { applies: RFS.test(message.bodyText), reason: "Its text mentions a Request for Support.", confidence: 0.6 },
  ]);

/** The strongest kind by the framework's precedence: DART, then Front Door, then EHA, then Request for Support. */
export const contactSignal = (message: InboundMessage, context: MailContext): ContactSignal | undefined =>
  dartSignal(message) ??
  frontDoorSignal(message, context) ??
  earlyHelpAssessmentSignal(message) ??
  requestForSupportSignal(message);
