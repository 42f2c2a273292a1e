import { systemActor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import { CONTACT_KIND_LABELS, type Contact, type ContactKind, type Referrer } from "../domain/contact.js";
import {
  decideIntake,
  planAcknowledgement,
  type AcknowledgementPlan,
  type IntakeDecision,
} from "../domain/intake/intake-decision.js";
import { openCase } from "../domain/lifecycle/index.js";
import { classifyMessage, type Classification } from "../domain/mail/classify-message.js";
import { deliveryIdentity } from "../domain/mail/delivery-identity.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import { findOriginalReferrer, type ReferrerFinding } from "../domain/mail/original-referrer.js";
import { safeText } from "../domain/mail/safe-text.js";
import { CaseAlreadyExistsError } from "../ports/cases.js";
import { AlreadyExistsError } from "../ports/errors.js";
import type { Logger } from "../logging/logger.js";
import { isSetAside } from "../ports/message-ledger.js";
import type { AppDeps } from "./app-deps.js";
import { attachFollowUp } from "./attach-follow-up.js";
import { contactIdFor, threadKey } from "./mail-keys.js";
import { recordBouncedLetter } from "./record-bounced-letter.js";
import { projectLater } from "./project-cases.js";
import { acknowledgementFacts, acknowledgementLetter, allowanceFor, triageCard } from "./intake-notices.js";
import { logLaterCopy, noteLaterCopies } from "./received-again.js";
import { setAsideNote } from "./set-aside-note.js";

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

export interface IntakeOptions {
  /**
   * A duty worker logs a message the intake set aside (issue 19 §5): it becomes an "other" contact whatever the rules
   * said, its sender unconfirmed as referrer, so nothing is sent until a person confirms who to acknowledge.
   */
  readonly rescue?: boolean;
  /**
   * The message came to the county's shared Front Door address and was routed here (issue 21 §4): it is not in this
   * centre's mailbox, so the acknowledgement goes as a new message and its conversation is not this mailbox's.
   */
  readonly fromFrontDoor?: boolean;
}

/** How the intake sorted one message: what it is, who referred it, and what is done with it. */
interface Sorted {
  readonly classification: Classification;
  readonly finding: ReferrerFinding;
  readonly decision: IntakeDecision;
  readonly log: Logger;
}

/**
 * Logs one inbound message exactly once (rule 1.3): ignored with its reason (autoreplies, bounces, our own mail,
 * mailing lists, machine mail), attached to its case (replies), or opened as a new case with its clocks started at
 * the received instant and its acknowledgement (1.2) queued or held. Every step is idempotent, so a message seen
 * again — a duplicate notification, a replayed delta, a retry after a crash part-way — changes nothing twice; and one
 * email delivered twice (two Graph messages, one Internet message) is one contact, its second copy kept on it.
 */
export async function logInboundMessage(
  deps: AppDeps,
  message: InboundMessage,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const now = deps.clock.now();
  const claim = await deps.messages.claim(message.id, now);
  // A message still "claimed" was being handled by a run that stopped part-way: carry on where it got to. A rescue
  // takes a set-aside message on as well (it stays set aside until logged, so a rescue stopped part-way is retried).
  if (!claim.claimed && claim.existing.state !== "claimed" && !(options.rescue && isSetAside(claim.existing))) {
    return { outcome: "already-handled" };
  }
  // A rescued copy is its own contact: the duty worker decided so, whatever copy came first.
  const identity = options.rescue ? undefined : deliveryIdentity(message);
  const delivery = identity === undefined ? undefined : await deps.messages.claimDelivery(identity, message.id, now);
  if (identity !== undefined && delivery?.first === false) {
    const log = deps.logger.child({ messageRef: contactIdFor(message.id) });
    return logLaterCopy(deps, message, { identity, firstMessageId: delivery.firstMessageId }, log);
  }
  const result = await logContact(deps, message, now, options);
  if (result.outcome === "logged") await noteLaterCopies(deps, identity, result);
  return result;
}

/** The first copy of an email: ignored with its reason, a follow-up on its case, or a new case. */
async function logContact(
  deps: AppDeps,
  message: InboundMessage,
  now: Date,
  options: IntakeOptions,
): Promise<IntakeResult> {
  const sorted = await sortMessage(deps, message);
  const { decision } = sorted;
  if (decision.action === "ignore") {
    if (!options.rescue) return ignore(deps, message, decision.reason, sorted.log);
    return logNewContact(deps, message, asRescued(sorted), now, options);
  }
  if (decision.action === "follow-up") {
    const attached = await logFollowUp(deps, message, decision.caseReference, sorted);
    if (attached !== undefined) return attached;
    // A reference we do not hold (a typo, or a closed case): logged as a new contact so nothing is lost.
  }
  return logNewContact(deps, message, sorted, now, options);
}

const asRescued = (sorted: Sorted): Sorted => {
  const found = sorted.finding.referrer;
  const referrer = found === undefined ? {} : { referrer: { ...found, confirmed: false } };
  return { ...sorted, decision: { action: "new-case", kind: "other", ...referrer } };
};

/** Classifies the message (knowing the case its conversation belongs to, if it replies) and finds its referrer. */
async function sortMessage(deps: AppDeps, message: InboundMessage): Promise<Sorted> {
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
  return { classification, finding, decision, log };
}

async function ignore(deps: AppDeps, message: InboundMessage, reason: string, log: Logger): Promise<IntakeResult> {
  if (reason === "delivery-failure") await recordBouncedLetter(deps, message, log);
  await deps.messages.markIgnored(message.id, reason, setAsideNote(message));
  log.info("intake.ignored", { reason });
  return { outcome: "ignored", reason };
}

/** A reply on a case we hold: a follow-up contact there, never acknowledged. Undefined when the case cannot take it. */
async function logFollowUp(
  deps: AppDeps,
  message: InboundMessage,
  caseReference: string,
  { classification, finding, log }: Sorted,
): Promise<IntakeResult | undefined> {
  const contactId = contactIdFor(message.id);
  const attached = await attachFollowUp(deps, caseReference, (kase) =>
    contactOf(message, finding.referrer, { caseId: kase.id, kind: kase.kind, followUp: true }),
  );
  if (attached === undefined) return undefined;
  await deps.messages.markLogged(message.id, attached.id, contactId);
  log.info("intake.follow-up", { caseId: attached.id });
  const acknowledgement = "not-for-follow-ups";
  return { outcome: "logged", caseId: attached.id, contactId, newCase: false, classification, acknowledgement };
}

/**
 * A new case for the contact, its clocks started at the received instant, its triage card and letter queued. The
 * sender's acknowledgement of the day is taken with the case number (one write), so the letter is planned first.
 */
async function logNewContact(
  deps: AppDeps,
  message: InboundMessage,
  { classification, finding, decision, log }: Sorted,
  now: Date,
  { fromFrontDoor = false }: IntakeOptions,
): Promise<IntakeResult> {
  const kind: ContactKind = decision.action === "new-case" ? decision.kind : "other";
  // The intake decision may withhold confirmation (an unrecognised message's sender is not yet a referrer).
  const referrer = decision.action === "new-case" ? decision.referrer : finding.referrer;
  const received = new Date(message.receivedAt);
  const year = Number(deps.calendar.localDate(received).slice(0, 4));
  const facts = acknowledgementFacts(deps, message, kind, referrer, now);
  const planned = planAcknowledgement({ ...facts, senderCapReached: false });
  const { caseId, allowanceTaken } = await deps.cases.reserveCaseId(year, message.id, allowanceFor(deps, planned, now));
  const plan = allowanceTaken === false ? planAcknowledgement({ ...facts, senderCapReached: true }) : planned;
  // The contact records the referrer as the decision has it (an unrecognised sender is not yet confirmed).
  const contact = contactOf(message, referrer, { caseId, kind, followUp: false });
  const outOfHours = !deps.calendar.isWithinWorkingHours(received);
  const { kase, created } = await openOnce(deps, { caseId, kind, contact, referrer, outOfHours, now });
  const inThread = !fromFrontDoor;
  const ack = await acknowledgementLetter(deps, message, caseId, contact.id, plan, created, inThread);
  // The letter and the duty chat's card are queued together (one case, so one write when both are new).
  await deps.outbox.enqueueAll([...ack.letter, triageCard(caseId, contact.id, classification, ack.acknowledged)], now);
  // After the letter is queued, both at once (independent, each idempotent): the worklists, deadlines and compliance
  // rows are the projector's, and the thread is only for replies. The message is logged last, so a stop before then
  // takes it all again.
  await Promise.all([
    projectLater(deps, kase, created),
    message.conversationId && inThread ? rememberThread(deps, message.conversationId, caseId) : undefined,
  ]);
  await deps.messages.markLogged(message.id, caseId, contact.id);
  // Logged, the message is never taken again: the number kept for it can go (it would name its case).
  await deps.cases.releaseCaseId(message.id);
  const acknowledgement = ack.acknowledged.plan;
  log.info("intake.logged", { caseId, kind, acknowledgement });
  return { outcome: "logged", caseId, contactId: contact.id, newCase: true, classification, acknowledgement };
}

/** The contact a message makes; its id follows from the message, so a retry makes the same one. */
export function contactOf(
  message: InboundMessage,
  referrer: Referrer | undefined,
  on: { readonly caseId: string; readonly kind: ContactKind; readonly followUp: boolean },
): Contact {
  return {
    id: contactIdFor(message.id),
    caseId: on.caseId,
    kind: on.kind,
    receivedAt: message.receivedAt,
    channel: "mailbox",
    messageId: message.id,
    ...(message.conversationId ? { conversationId: message.conversationId } : {}),
    subject: safeText(message.subject || "(no subject)", 250),
    ...(referrer ? { referrer } : {}),
    isFollowUp: on.followUp,
    ...(message.bodyCut === undefined ? {} : { bodyReadInPart: true }),
  };
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
