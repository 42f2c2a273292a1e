import { systemActor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import { CONTACT_KIND_LABELS, type Contact, type ContactKind, type Referrer } from "../domain/contact.js";
import {
  decideIntake,
  neverAnswerRecipient,
  planAcknowledgement,
  type AcknowledgementPlan,
} from "../domain/intake/intake-decision.js";
import { openCase } from "../domain/lifecycle/index.js";
import { classifyMessage, type Classification } from "../domain/mail/classify-message.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import { findOriginalReferrer } from "../domain/mail/original-referrer.js";
import { safeText } from "../domain/mail/safe-text.js";
import { CaseAlreadyExistsError } from "../ports/cases.js";
import { AlreadyExistsError } from "../ports/errors.js";
import { DUTY_CONVERSATION } from "../ports/teams.js";
import { type NewOutboxItem } from "../ports/outbox.js";
import type { AppDeps } from "./app-deps.js";
import { attachFollowUp } from "./attach-follow-up.js";
import { contactIdFor, letterKey, threadKey } from "./mail-keys.js";
import { recordBouncedLetter } from "./record-bounced-letter.js";
import { reindexCase } from "./reindex-case.js";
import { takeAcknowledgementAllowance } from "./sender-quota.js";

export type IntakeResult =
  | { readonly outcome: "already-handled" }
  | { readonly outcome: "ignored"; readonly reason: string }
  | {
      readonly outcome: "logged";
      readonly caseId: string;
      readonly contactId: string;
      readonly newCase: boolean;
      readonly classification: Classification;
      readonly acknowledgement: AcknowledgementPlan["plan"] | "not-for-follow-ups";
    };

const INTAKE = systemActor("mailbox-intake");

/**
 * Logs one inbound message exactly once (rule 1.3): ignored with its reason (autoreplies, bounces, our own mail,
 * mailing lists), attached to its case (replies), or opened as a new case with its clocks started at the received
 * instant and its acknowledgement (1.2) queued or held. Every step is idempotent, so a message seen again — a
 * duplicate notification, a replayed delta, a retry after a crash part-way — changes nothing twice.
 */
export async function logInboundMessage(deps: AppDeps, message: InboundMessage): Promise<IntakeResult> {
  const now = deps.clock.now();
  const claim = await deps.messages.claim(message.id, now);
  // A message still "claimed" was being handled by a run that stopped part-way: carry on where it got to.
  if (!claim.claimed && claim.existing.state !== "claimed") return { outcome: "already-handled" };

  const thread =
    message.conversationId && saysItReplies(message)
      ? await deps.threads.get(threadKey(message.conversationId))
      : undefined;
  const context = thread
    ? { ...deps.mailContext, knownConversation: { caseId: thread.value.caseId } }
    : deps.mailContext;
  const classification = classifyMessage(message, context);
  const finding = findOriginalReferrer(message, context);
  const decision = decideIntake(message, classification, finding);
  const log = deps.logger.child({ messageRef: contactIdFor(message.id), classification: classification.kind });

  if (decision.action === "ignore") {
    if (decision.reason === "delivery-failure") await recordBouncedLetter(deps, message, log);
    await deps.messages.markIgnored(message.id, decision.reason);
    log.info("intake.ignored", { reason: decision.reason });
    return { outcome: "ignored", reason: decision.reason };
  }

  const contactId = contactIdFor(message.id);
  const contactOf = (caseId: string, kind: ContactKind, followUp: boolean): Contact => ({
    id: contactId,
    caseId,
    kind,
    receivedAt: message.receivedAt,
    channel: "mailbox",
    messageId: message.id,
    ...(message.conversationId ? { conversationId: message.conversationId } : {}),
    subject: safeText(message.subject || "(no subject)", 250),
    ...(finding.referrer ? { referrer: finding.referrer } : {}),
    isFollowUp: followUp,
  });

  if (decision.action === "follow-up") {
    const attached = await attachFollowUp(deps, decision.caseReference, (kase) => contactOf(kase.id, kase.kind, true));
    if (attached !== undefined) {
      await deps.messages.markLogged(message.id, attached.id, contactId);
      log.info("intake.follow-up", { caseId: attached.id });
      return {
        outcome: "logged",
        caseId: attached.id,
        contactId,
        newCase: false,
        classification,
        acknowledgement: "not-for-follow-ups",
      };
    }
    // A reference we do not hold (a typo, or a closed case): logged as a new contact so nothing is lost.
  }

  const kind: ContactKind = decision.action === "new-case" ? decision.kind : "other";
  // The intake decision may withhold confirmation (an unrecognised message's sender is not yet a referrer).
  const referrer = decision.action === "new-case" ? decision.referrer : finding.referrer;
  const received = new Date(message.receivedAt);
  const year = Number(deps.calendar.localDate(received).slice(0, 4));
  const caseId =
    (claim.claimed ? undefined : claim.existing.caseId) ??
    (await deps.messages.reserveCase(message.id, await deps.cases.nextCaseId(year)));
  const { kase, created } = await openOnce(deps, {
    caseId,
    kind,
    contact: contactOf(caseId, kind, false),
    referrer,
    outOfHours: !deps.calendar.isWithinWorkingHours(received),
    now,
  });
  await reindexCase(deps, kase, now, { fresh: created });
  if (message.conversationId) await rememberThread(deps, message.conversationId, caseId);

  const { acknowledged, letter } = await planAcknowledgementLetter(
    deps,
    message,
    kase,
    contactId,
    referrer,
    now,
    created,
  );
  // The letter and the duty chat's card are queued together (one case, so one write when both are new).
  await deps.outbox.enqueueAll([...letter, triageCard(caseId, contactId, classification, acknowledged)], now);
  await deps.messages.markLogged(message.id, caseId, contactId);
  const acknowledgement = acknowledged.plan;
  log.info("intake.logged", { caseId, kind, acknowledgement });
  return { outcome: "logged", caseId, contactId, newCase: true, classification, acknowledgement };
}

/**
 * Exchange also puts mail in one conversation by subject alone ("FW: Front Door contact" from the Early Help Desk,
 * twice, about two families). Only a message that names what it answers (In-Reply-To / References) is taken to
 * belong to its conversation's case; anything else is classified on its own, so a new contact never disappears
 * into another family's case.
 */
const saysItReplies = (message: InboundMessage): boolean =>
  ["in-reply-to", "references"].some((name) => (message.headers[name] ?? []).some((value) => value.trim() !== ""));

async function openOnce(
  deps: AppDeps,
  input: {
    caseId: string;
    kind: ContactKind;
    contact: Contact;
    referrer: Referrer | undefined;
    outOfHours: boolean;
    now: Date;
  },
): Promise<{ kase: Case; created: boolean }> {
  // No read first: a retry finds the case already there by the create's conflict, which a first run never meets.
  const opened = openCase({
    id: input.caseId,
    contactId: input.contact.id,
    kind: input.kind,
    receivedAt: input.contact.receivedAt,
    ...(input.referrer ? { referrer: input.referrer } : {}),
    actor: INTAKE,
    profile: deps.profile,
    now: input.now,
    outOfHours: input.outOfHours,
  });
  const kase: Case = { ...opened.case, summary: CONTACT_KIND_LABELS[input.kind] };
  try {
    await deps.cases.create(kase, opened.events, [input.contact]);
    return { kase, created: true };
  } catch (error) {
    if (!(error instanceof CaseAlreadyExistsError)) throw error;
    return { kase: (await deps.cases.getCase(input.caseId)).case, created: false };
  }
}

async function rememberThread(deps: AppDeps, conversationId: string, caseId: string): Promise<void> {
  try {
    await deps.threads.put(threadKey(conversationId), { caseId });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
}

/** What became of the acknowledgement: queued to send, held for a person, or never sent and why. */
type Acknowledged = { readonly plan: "send" | "hold" } | Omit<Extract<AcknowledgementPlan, { plan: "none" }>, "to">;

/**
 * The duty chat's triage card for a new contact (issue 5 §2), queued once under `triage~<contactId>` so that a retried
 * intake never posts it twice. It carries only what the case does not record (why it was sorted so); the card
 * itself is drawn from the case when it is posted.
 */
const triageCard = (
  caseId: string,
  contactId: string,
  classification: Classification,
  acknowledged: Acknowledged,
): NewOutboxItem => ({
  caseId,
  key: `triage~${contactId}`,
  channel: "teams",
  purpose: "triage",
  payload: {
    conversation: DUTY_CONVERSATION,
    contactId,
    reasons: classification.reasons,
    confidence: classification.confidence,
    ...(acknowledged.plan === "none" ? { notAcknowledgedBecause: acknowledged.reason } : {}),
  },
});

/** The acknowledgement to queue (none when already queued, or when the plan is not to send one) and why. */
async function planAcknowledgementLetter(
  deps: AppDeps,
  message: InboundMessage,
  kase: Case,
  contactId: string,
  referrer: Referrer | undefined,
  now: Date,
  /** The case was created by this run, so no earlier run got as far as queueing its acknowledgement. */
  caseCreated: boolean,
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
      replyToMessageId: message.id,
      holdReason: plan.plan === "hold" ? plan.reason : undefined,
    },
    held: plan.plan === "hold",
  };
  return { acknowledged: { plan: plan.plan }, letter: [letter] };
}
