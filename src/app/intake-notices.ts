import type { ContactKind, Referrer } from "../domain/contact.js";
import {
  neverAnswerRecipient,
  type AcknowledgementPlan,
  type planAcknowledgement,
} from "../domain/intake/intake-decision.js";
import type { Classification } from "../domain/mail/classify-message.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import type { AllowanceAsked } from "../ports/cases.js";
import type { NewOutboxItem } from "../ports/outbox.js";
import { DUTY_CONVERSATION } from "../ports/teams.js";
import type { AppDeps } from "./app-deps.js";
import { letterKey, senderRef } from "./mail-keys.js";

/** What became of the acknowledgement: queued to send, held for a person, or never sent and why. */
export type Acknowledged =
  { readonly plan: "send" | "hold" } | Omit<Extract<AcknowledgementPlan, { plan: "none" }>, "to">;

/**
 * The duty chat's triage card for a new contact (issue 5 §2), by email or by hand, queued once under
 * `triage~<contactId>` so that a retried intake never posts it twice. It carries only what the case does not record (why it was sorted so); the card
 * itself is drawn from the case when it is posted.
 */
export const triageCard = (
  caseId: string,
  contactId: string,
  sorted: Pick<Classification, "reasons" | "confidence">,
  acknowledged: Acknowledged,
): NewOutboxItem => ({
  caseId,
  key: `triage~${contactId}`,
  channel: "teams",
  purpose: "triage",
  payload: {
    conversation: DUTY_CONVERSATION,
    contactId,
    reasons: sorted.reasons,
    confidence: sorted.confidence,
    ...(acknowledged.plan === "none" ? { notAcknowledgedBecause: acknowledged.reason } : {}),
  },
});

/** What rule 1.2 weighs for a new contact's acknowledgement: everything but the sender's allowance for the day. */
export function acknowledgementFacts(
  deps: Pick<AppDeps, "profile" | "mailContext" | "centre">,
  message: InboundMessage,
  kind: ContactKind,
  referrer: Referrer | undefined,
  now: Date,
): Omit<Parameters<typeof planAcknowledgement>[0], "senderCapReached"> {
  const recipient = referrer?.email;
  const neverAnswer = recipient
    ? neverAnswerRecipient(message, deps.mailContext, recipient)
    : { never: false, reasons: [] };
  const tooOld = now.getTime() - Date.parse(message.receivedAt) > deps.centre.acknowledgeWithinHours * 60 * 60_000;
  return { profile: deps.profile, kind, ...(referrer ? { referrer } : {}), neverAnswer, tooOld };
}

/** The sender's acknowledgement of the day a letter planned to send takes (loop and abuse protection). */
export const allowanceFor = (
  deps: Pick<AppDeps, "calendar" | "centre">,
  plan: AcknowledgementPlan,
  now: Date,
): AllowanceAsked | undefined =>
  plan.plan === "send"
    ? {
        sender: senderRef(plan.to.email),
        day: deps.calendar.localDate(now),
        perDay: deps.centre.maxAcksPerSenderPerDay,
      }
    : undefined;

/** The acknowledgement to queue as planned (none when already queued, or when the plan is not to send one). */
export async function acknowledgementLetter(
  deps: Pick<AppDeps, "outbox">,
  message: InboundMessage,
  caseId: string,
  contactId: string,
  plan: AcknowledgementPlan,
  /** The case was created by this run, so no earlier run got as far as queueing its acknowledgement. */
  caseCreated: boolean,
  /** The message is in this centre's mailbox: the letter answers it in its thread (else it goes as a new message). */
  inThread = true,
): Promise<{ acknowledged: Acknowledged; letter: NewOutboxItem[] }> {
  const key = letterKey(caseId, "acknowledgement", contactId);
  const queued = caseCreated ? undefined : await deps.outbox.get(caseId, key);
  if (queued !== undefined) return { acknowledged: { plan: queued.state === "held" ? "hold" : "send" }, letter: [] };
  if (plan.plan === "none") return { acknowledged: { plan: "none", reason: plan.reason }, letter: [] };
  const letter: NewOutboxItem = {
    caseId,
    key,
    channel: "email",
    purpose: "acknowledgement",
    payload: {
      letter: "acknowledgement",
      contactId,
      ...(inThread ? { replyToMessageId: message.id } : {}),
      holdReason: plan.plan === "hold" ? plan.reason : undefined,
    },
    held: plan.plan === "hold",
  };
  return { acknowledged: { plan: plan.plan }, letter: [letter] };
}
