import type { Case } from "../case.js";
import type { CaseEvent, CaseEventType } from "../case-events.js";
import { NOT_A_CONTACT_REASONS, type NotAContactReason } from "../contact.js";
import { CaseTransitionError, InvalidCaseCommandError } from "../errors.js";
import { notAllowed } from "./command-rules.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

/**
 * What a case's log may hold while duty triage can still undo it. Anything else (a decision, an allocation, a
 * wraparound request on a case Social Care held) means the case has a history of its own and is not closed here.
 */
const TRIAGE_STAGE: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  "contact.received",
  "contact.logged",
  "contact.linked",
  "referrer.confirmed",
  "acknowledgement.sent",
  "acknowledgement.not-delivered",
  "consent.recorded",
  "case-note.recorded",
  "clock.reason-recorded",
]);

function checkStillAtTriage(kase: Case, cannot: string): void {
  if (kase.events.some((e) => !TRIAGE_STAGE.has(e.type))) {
    throw notAllowed(kase, `it cannot ${cannot} once screening has started; record a case note instead`);
  }
}

/** The triage decision that closed a case opened in error, if one did. */
export type TriageDecision = CaseEvent<"case.linked"> | CaseEvent<"case.marked-not-a-contact">;

export function triageDecisionOf(kase: Case): TriageDecision | undefined {
  return kase.events.find(
    (e): e is TriageDecision => e.type === "case.linked" || e.type === "case.marked-not-a-contact",
  );
}

/**
 * The case a contact is linked to must still be able to take it (linking a case to itself is refused by
 * `linkContactToCase`). A closed case's family writing
 * again is a new contact: it is screened, not filed on the old case.
 */
export function checkLinkTarget(target: Case): void {
  if (target.state === "closed") {
    throw new CaseTransitionError(
      target.id,
      target.state,
      `Case ${target.id} is closed; a contact cannot be linked to a closed case. Screen it as a new contact instead.`,
    );
  }
}

/**
 * Triage: the contacts that opened this case were about another case we hold. This case closes as "linked", so
 * its clocks (1.1, 1.2…) end: cancelled, unless one was already past its maximum; the contacts are logged on the
 * other case by `receiveLinkedContact`.
 */
export function linkContactToCase(kase: Case, command: CommandOf<"linkContactToCase">, ctx: CommandContext) {
  checkStillAtTriage(kase, "be linked to another case");
  if (command.toCaseId === kase.id) {
    throw new InvalidCaseCommandError(
      kase.id,
      `Case ${kase.id} cannot be linked to itself. Give the reference of the case the contact is really about.`,
    );
  }
  if (command.contactIds.length === 0) {
    throw new InvalidCaseCommandError(kase.id, `Case ${kase.id} has no contact to link. Open it in the tab.`);
  }
  const data = { toCaseId: command.toCaseId, contactIds: [...command.contactIds] };
  return [stamp(kase, command, ctx, "case.linked", data, command.note)];
}

/** The other half of a link: the contact is logged on the case it was about, as a follow-up (no new 1.2). */
export function receiveLinkedContact(kase: Case, command: CommandOf<"receiveLinkedContact">, ctx: CommandContext) {
  const { contactId, fromCaseId } = command;
  return [stamp(kase, command, ctx, "contact.linked", { contactId, fromCaseId })];
}

const isReason = (value: string): value is NotAContactReason =>
  (NOT_A_CONTACT_REASONS as readonly string[]).includes(value);

/** Triage: what opened the case was not a request for help. It closes with its clocks cancelled and no letters. */
export function markNotAContact(kase: Case, command: CommandOf<"markNotAContact">, ctx: CommandContext) {
  checkStillAtTriage(kase, "be marked as not a contact");
  if (!isReason(command.reason)) {
    throw new InvalidCaseCommandError(
      kase.id,
      `"${String(command.reason)}" is not a reason the service knows. Choose one of: ${NOT_A_CONTACT_REASONS.join(", ")}.`,
    );
  }
  const note = command.note?.trim();
  if (command.reason === "other" && !note) {
    throw new InvalidCaseCommandError(
      kase.id,
      `Case ${kase.id}: say in the note why this is not a contact, then mark it again.`,
    );
  }
  const data = { reason: command.reason, ...(note ? { note } : {}) };
  return [stamp(kase, command, ctx, "case.marked-not-a-contact", data, note)];
}
