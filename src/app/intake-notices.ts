import type { Case } from "../domain/case.js";
import type { Referrer } from "../domain/contact.js";
import {
  neverAnswerRecipient,
  planAcknowledgement,
  type AcknowledgementPlan,
} from "../domain/intake/intake-decision.js";
import type { Classification } from "../domain/mail/classify-message.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import type { NewOutboxItem } from "../ports/outbox.js";
import { DUTY_CONVERSATION } from "../ports/teams.js";
import type { AppDeps } from "./app-deps.js";
import { letterKey } from "./mail-keys.js";
import { takeAcknowledgementAllowance } from "./sender-quota.js";

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

/** The acknowledgement to queue (none when already queued, or when the plan is not to send one) and why. */
export async function planAcknowledgementLetter(
  deps: AppDeps,
  message: InboundMessage,
  kase: Case,
  contactId: string,
  referrer: Referrer | undefined,
  now: Date,
  /** The case was created by this run, so no earlier run got as far as queueing its acknowledgement. */
  caseCreated: boolean,
  /** The message is in this centre's mailbox: the letter answers it in its thread (else it goes as a new message). */
  inThread = true,
): Promise<{ acknowledged: Acknowledged; letter: NewOutboxItem[] }> {
  const key = letterKey(kase.id, "acknowledgement", contactId);
  const queued = caseCreated ? undefined : await deps.outbox.get(kase.id, key);
  if (queued !== undefined) return { acknowledged: { plan: queued.state === "held" ? "hold" : "send" }, letter: [] };
  const recipient = referrer?.email;
  const neverAnswer = recipient
    ? neverAnswerRecipient(message, deps.mailContext, recipient)
    : { never: false, reasons: [] };
  const tooOld = now.getTime() - Date.parse(message.receivedAt) > deps.centre.acknowledgeWithinHours * 60 * 60_000;
  const base = { profile: deps.profile, kind: kase.kind, ...(referrer ? { referrer } : {}), neverAnswer, tooOld };
  let plan = planAcknowledgement({ ...base, senderCapReached: false });
  if (plan.plan === "send" && !(await takeAcknowledgementAllowance(deps, plan.to.email, now))) {
    plan = planAcknowledgement({ ...base, senderCapReached: true });
  }
  if (plan.plan === "none") return { acknowledged: { plan: "none", reason: plan.reason }, letter: [] };
  const letter: NewOutboxItem = {
    caseId: kase.id,
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
