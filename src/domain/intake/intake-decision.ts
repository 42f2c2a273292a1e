import type { ContactKind, Referrer } from "../contact.js";
import { clockRuleStoppedBy, ruleAppliesTo } from "../letters/letter-dates.js";
import { mailingListFinding } from "../mail/automated-mail.js";
import type { Classification } from "../mail/classify-message.js";
import type { InboundMessage } from "../mail/inbound-message.js";
import { isIntermediary, sameAddress } from "../mail/addresses.js";
import { shouldNeverAnswer, type NeverAnswer } from "../mail/loop-protection.js";
import type { MachineMailKind } from "../mail/machine-mail.js";
import type { MailContext } from "../mail/mail-context.js";
import type { ReferrerFinding } from "../mail/original-referrer.js";
import type { Profile } from "../rules/profile-schema.js";
import { isConfirmedReferrer } from "./acknowledgement-status.js";

/** What happens to the acknowledgement (rule 1.2) of a newly logged contact. */
export type AcknowledgementPlan =
  | { readonly plan: "send"; readonly to: Referrer & { readonly email: string } }
  /** Waits for a duty worker: to confirm who referred, or because the sender's daily cap is reached. */
  | { readonly plan: "hold"; readonly reason: "referrer-unconfirmed" | "sender-daily-cap"; readonly to?: Referrer }
  /**
   * Never sent: the profile does not acknowledge this kind (DARTs), the sender must never be answered, or the mail was
   * received too long before it was logged (a backlog read after an outage: a late "we have received" confuses more
   * than it helps, and the triage card says why none went).
   */
  | {
      readonly plan: "none";
      readonly reason: "not-for-this-kind" | "never-answer" | "no-acknowledgement-rule" | "too-old";
    };

/** Why a message is not a contact: the duty worker's "Ignored and quarantined" list shows it. */
export type IgnoreReason = "own-mail" | "delivery-failure" | "autoreply" | "mailing-list" | MachineMailKind;

export type IntakeDecision =
  | { readonly action: "ignore"; readonly reason: IgnoreReason }
  | { readonly action: "follow-up"; readonly caseReference: string }
  | { readonly action: "new-case"; readonly kind: ContactKind; readonly referrer?: Referrer };

const KIND_OF: Partial<Record<Classification["kind"], ContactKind>> = {
  "early-help-assessment": "early-help-assessment",
  "request-for-support": "request-for-support",
  dart: "dart",
  "front-door": "front-door",
  // Not recognised as a request: still logged (nothing is lost) for a duty worker to sort on the triage card.
  "not-a-contact": "other",
};

/** Whether a classified message is ignored, attached to its case, or opens a new case. */
export function decideIntake(
  message: InboundMessage,
  classification: Classification,
  referrer: ReferrerFinding,
): IntakeDecision {
  switch (classification.kind) {
    case "own-mail":
    case "delivery-failure":
    case "autoreply":
      return { action: "ignore", reason: classification.kind };
    case "delivery-notice":
    case "feedback-report":
    case "read-receipt":
    case "list-admin":
    case "challenge-response":
    case "sms-gateway":
    case "antivirus-notice":
    case "recall":
    case "calendar":
      return { action: "ignore", reason: classification.kind };
    case "reply-to-case":
      if (classification.caseReference !== undefined) {
        return { action: "follow-up", caseReference: classification.caseReference };
      }
      break;
    case "not-a-contact":
      if (mailingListFinding(message) !== undefined) return { action: "ignore", reason: "mailing-list" };
      break;
  }
  const kind = KIND_OF[classification.kind] ?? "other";
  const found = referrer.referrer;
  // An unrecognised message may be no request at all (a room booking, a reply that lost its thread): its sender is
  // not acknowledged as a referrer until a duty worker has sorted it.
  const person = found && kind === "other" ? { ...found, confirmed: false } : found;
  return { action: "new-case", kind, ...(person ? { referrer: person } : {}) };
}

/**
 * Loop protection for one recipient. Replying to the sender is judged on the whole message (autoreply, bounce, list,
 * our own mail); the original referrer named inside a forwarded or portal form is a different person, judged by
 * their address alone.
 */
export function neverAnswerRecipient(message: InboundMessage, context: MailContext, recipient: string): NeverAnswer {
  const senders = [message.from?.address, message.sender?.address, ...message.replyTo.map((a) => a.address)];
  const isSender = senders.some((s) => s !== undefined && sameAddress(s, recipient));
  const verdict: NeverAnswer = isSender ? shouldNeverAnswer(message, context) : { never: false, reasons: [] };
  // Checked for senders too: the Early Help Desk forwarding a form is an ordinary sender, but never a referrer.
  if (verdict.never || !isIntermediary(recipient, context)) return verdict;
  return { never: true, reasons: ["The referrer's address is a mailbox that must never be answered automatically."] };
}

/**
 * Rule 1.2: acknowledge the original referrer, unless the profile exempts the kind (DARTs), the mail is older than
 * the centre acknowledges, the sender must never be answered (autoreplies, bounces, no-reply addresses, our own
 * mail), nobody is sure who referred, or the sender has had their acknowledgements for today.
 */
export function planAcknowledgement(input: {
  readonly profile: Profile;
  readonly kind: ContactKind;
  readonly referrer?: Referrer;
  readonly neverAnswer: NeverAnswer;
  readonly senderCapReached: boolean;
  /** Received longer ago than the centre's age limit on acknowledgements. */
  readonly tooOld?: boolean;
}): AcknowledgementPlan {
  const rule = clockRuleStoppedBy(input.profile, "acknowledgement.sent");
  if (rule === undefined) return { plan: "none", reason: "no-acknowledgement-rule" };
  if (!ruleAppliesTo(rule, input.kind)) return { plan: "none", reason: "not-for-this-kind" };
  if (input.tooOld) return { plan: "none", reason: "too-old" };
  const { referrer } = input;
  if (!isConfirmedReferrer(referrer)) {
    return { plan: "hold", reason: "referrer-unconfirmed", ...(referrer ? { to: referrer } : {}) };
  }
  if (input.neverAnswer.never) return { plan: "none", reason: "never-answer" };
  if (input.senderCapReached) return { plan: "hold", reason: "sender-daily-cap", to: referrer };
  return { plan: "send", to: { ...referrer, email: referrer.email } };
}
