import type { CaseEvent, CaseEventType } from "./case-events.js";
import { offeredOutcomes, type DecisionPoint } from "./lifecycle/outcomes.js";
import type { Profile } from "./rules/profile-schema.js";

/**
 * What each event means, in the words the case card's timeline and the tab's case page both use; a Record so a new
 * event type cannot be missed.
 */
export const EVENT_PHRASES: Record<CaseEventType, string> = {
  "contact.received": "Contact received",
  "contact.logged": "Contact logged",
  "contact.rescued": "Logged by a duty worker from the mail the service had ignored or quarantined",
  "contact.routed-from-front-door": "Came to the county Front Door address and was routed to this centre",
  "contact.received-again": "The same email was received again: kept on this contact, not acknowledged again",
  "referrer.confirmed": "Referrer confirmed",
  "legal-hold.placed": "Placed on legal hold: kept past its retention period",
  "legal-hold.lifted": "Legal hold lifted: the retention schedule applies again",
  redacted: "Corrected or redacted for data protection (the original text is no longer held)",
  "acknowledgement.sent": "Acknowledgement sent to the referrer",
  "acknowledgement.not-delivered": "Acknowledgement not delivered: the referrer's mail server returned it",
  "screening.decided": "Screening decision recorded",
  "screening-outcome.sent": "Screening outcome sent to the referrer",
  "maam.decided": "MAAM decision recorded",
  "maam-outcome.sent": "MAAM outcome sent to the referrer",
  "pre-allocation.contact-recorded": "Weekly contact while on the Pre-Allocation List",
  "case.allocated": "Case allocated",
  "case.reallocated": "Case reallocated",
  "initial-contact.made": "Initial contact with the family",
  "visit.completed": "Visit completed",
  "assessment.completed": "Early Help Assessment completed",
  "assessment.not-required": "Assessment not required",
  "assessment.audited": "Assessment audited",
  "plan.completed": "Support Plan completed",
  "review.held": "Plan review held",
  "case-note.recorded": "Case note recorded",
  "escalation.recorded": "Escalation to Social Care recorded",
  "social-care.level4-confirmed": "Social Care confirmed Level 4",
  "wraparound.requested": "Wraparound requested",
  "closure.requested": "Closure requested",
  "closure.rejected": "Closure not agreed",
  "closure.signed-off": "Closure signed off",
  "clock.reason-recorded": "Reason recorded for a late clock",
  "supervision.recorded": "Supervision recorded",
  "consent.recorded": "Consent recorded",
  "front-door.decided": "Front Door decision recorded",
  "transfer-panel.requested": "Put forward to the transfer panel",
  "transfer-panel.decided": "Transfer panel decision recorded",
  "transfer-summary.recorded": "Transfer summary written for the panel",
  "handover-meeting.held": "Hand-over meeting held",
  "ending-letter.sent": "Ending letter sent",
  "threshold.disputed": "Threshold decision disputed",
  "threshold-dispute.resolved": "Threshold dispute resolved",
  "signposting.agreed": "Signposting agreed",
  "case.flagged-high-risk": "Flagged high risk",
  "case.high-risk-cleared": "High-risk flag cleared",
  "allegation.recorded": "Concern about a person who works with children recorded",
  "lado.notified": "LADO notified",
  "lado.responded": "LADO responded",
  "case.linked": "Closed: its contact was linked to an existing case",
  "case.marked-not-a-contact": "Closed: not a contact",
  "contact.linked": "Contact linked from a case opened in error",
  "case.transferred": "Closed: transferred to another centre",
  "case.received-by-transfer": "Received by transfer from another centre",
};

const DECIDED_AT: Partial<Record<CaseEventType, DecisionPoint>> = {
  "screening.decided": "screening",
  "maam.decided": "maam",
  "front-door.decided": "front-door",
  "transfer-panel.decided": "transfer-panel",
};

/** The event in words; a decision names its outcome as the profile labels it ("…: No further action"). */
export function eventPhrase(event: CaseEvent, profile: Profile): string {
  const phrase = EVENT_PHRASES[event.type];
  const point = DECIDED_AT[event.type];
  if (point === undefined || !("outcome" in event.data)) return phrase;
  const { outcome } = event.data;
  return `${phrase}: ${offeredOutcomes(profile, point).find((o) => o.id === outcome)?.label ?? outcome}`;
}
