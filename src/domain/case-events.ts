import type { Actor } from "./actor.js";
import type { ContactKind, NotAContactReason, Referrer } from "./contact.js";
import type { FrontDoorRouteBy } from "./intake/area-routing.js";

/**
 * Everything that can happen to a case, with the data each event carries.
 * The event log is the audit trail (who, what, when, why) and the only input to the clocks:
 * policy rules name these event types as their start, stop and cancel events.
 */
export interface CaseEventData {
  "contact.received": { contactId: string; kind: ContactKind; followUp: boolean; outOfHours?: boolean };
  "contact.logged": { contactId: string };
  /** A duty worker logged an email the intake had set aside (ignored or quarantined, and why): issue 19 §5. */
  "contact.rescued": { contactId: string; messageId: string; setAsideAs: "ignored" | "quarantined"; reason: string };
  /** The same email (one Message-ID, sender and body) arrived again as another message: logged once, answered once. */
  "contact.received-again": { contactId: string; messageId: string; receivedAt: string };
  /**
   * The contact came to the county's shared Front Door address and was routed here (issue 21 §4): by the postcode or
   * school its form names, or by a duty worker from the county triage queue (`routedBy`, their name).
   */
  "contact.routed-from-front-door": { contactId: string; by: FrontDoorRouteBy; routedBy?: string };
  "referrer.confirmed": { contactId: string; referrer: Referrer };
  /**
   * `returned`: the referrer's mail server had already returned this letter when it was recorded sent (a sender
   * stopped between sending and recording it, and the bounce came first), so it does not meet 1.2.
   */
  "acknowledgement.sent": { contactId: string; outboxKey: string; returned?: true };
  /** The referrer's mail server returned the acknowledgement (a bounce quoting our marker): 1.2 is not met. */
  "acknowledgement.not-delivered": { contactId: string; outboxKey: string };
  "screening.decided": { outcome: string; note?: string; allocateTo?: string };
  "screening-outcome.sent": { outboxKey: string };
  "maam.decided": { outcome: string; note?: string; allocateTo?: string };
  "maam-outcome.sent": { outboxKey: string };
  "pre-allocation.contact-recorded": { note?: string };
  "case.allocated": { workerId: string; role: "lead" | "wraparound" };
  "case.reallocated": { fromWorkerId: string; toWorkerId: string; role: "lead" | "wraparound" };
  "initial-contact.made": Record<string, never>;
  "visit.completed": { childSeen: boolean; lateInDay?: boolean };
  "assessment.completed": { cypaUnderThreeMonths?: boolean };
  /** 4.5: no EHA is needed for a step-down from Social Care with a CYPA under three calendar months old. */
  "assessment.not-required": { reason: "cypa-under-three-months" };
  "assessment.audited": { checklist: Record<string, boolean> };
  "plan.completed": Record<string, never>;
  "review.held": Record<string, never>;
  "case-note.recorded": {
    noteType: "case-note" | "managers-decision" | "voice-of-child" | "supervision-discussion" | "contact-record";
    note?: string;
  };
  "escalation.recorded": { requestForSupportAttached: boolean };
  "social-care.level4-confirmed": { wraparound: boolean };
  "wraparound.requested": Record<string, never>;
  "closure.requested": { checklist: Record<string, boolean>; summary?: string };
  "closure.rejected": { reason: string };
  "closure.signed-off": { endDate: string };
  "clock.reason-recorded": { rule: string; instance: number; reason: string };
  /** Kept in a practitioner's own log, not a case's: starts and stops rule 11.6. */
  "supervision.recorded": { practitionerId: string };
  // Bexley Family Wellbeing Service (seed 002)
  "consent.recorded": { given: boolean; overriddenByManagerDecision?: boolean };
  "front-door.decided": { outcome: string; note?: string };
  /** A case put forward for the next transfer panel, in one direction. */
  "transfer-panel.requested": { direction: "to-early-help" | "to-social-care"; note?: string };
  "transfer-panel.decided": { outcome: string; direction: "to-early-help" | "to-social-care"; note?: string };
  /** The presenting worker's transfer summary for the panel, by the panel's summary field id. */
  "transfer-summary.recorded": { fields: Record<string, string> };
  "handover-meeting.held": Record<string, never>;
  "ending-letter.sent": Record<string, never>;
  /** A Front Door-MASH threshold decision disputed through line management, and its resolution. */
  "threshold.disputed": { note?: string };
  "threshold-dispute.resolved": { note?: string };
  /** A manager agrees to close and signpost the family to another service (a hand-over meeting follows). */
  "signposting.agreed": { note?: string };
  /** 11.5: a manager counts the case among the team's most intensive or high-risk, and says why; and clears it. */
  "case.flagged-high-risk": { note: string };
  "case.high-risk-cleared": { note: string };
  /** Seed 004: a concern about a person who works with children, the LADO told of it, and the LADO's answer. */
  "allegation.recorded": { note: string };
  "lado.notified": { note: string };
  "lado.responded": { note: string };
  // Duty triage: a case opened in error closes, its clocks ended (see case-closing.ts) and no letters sent
  /** The contacts that opened this case were about case `toCaseId`: they moved there and this case closed. */
  "case.linked": { toCaseId: string; contactIds: string[] };
  /** What opened this case was not a request for help (spam, wrong mailbox…); closed without outcome letters. */
  "case.marked-not-a-contact": { reason: NotAContactReason; note?: string };
  /** A contact first logged as case `fromCaseId`, moved here at triage: logged (1.3) without restarting 1.2. */
  "contact.linked": { contactId: string; fromCaseId: string };
  /**
   * Issue 21 §4: the case went to another centre of the county, which holds it as `toCaseId`; it closes here with
   * its clocks ended. `transferId` is the key both centres' records share (a retry finds the first).
   */
  "case.transferred": { transferId: string; toCentre: string; toCentreName: string; toCaseId: string };
  /** The other half: this case was opened from case `fromCaseId` of centre `fromCentre`, which transferred it here. */
  "case.received-by-transfer": { transferId: string; fromCentre: string; fromCentreName: string; fromCaseId: string };
  /**
   * Data protection: text was corrected (rectification) or redacted (erasure) in every stored copy of the case, for
   * `reason`. Names where it was, never the text.
   */
  redacted: { mode: "corrected" | "redacted"; places: string[]; reason: string };
  /** A manager keeps the case past its retention period (litigation, an inquiry, a complaint), and why. */
  "legal-hold.placed": { reason: string };
  "legal-hold.lifted": { reason: string };
}

export type CaseEventType = keyof CaseEventData;

export const CASE_EVENT_TYPES = [
  "contact.received",
  "contact.logged",
  "contact.received-again",
  "contact.rescued",
  "contact.routed-from-front-door",
  "referrer.confirmed",
  "acknowledgement.sent",
  "acknowledgement.not-delivered",
  "screening.decided",
  "screening-outcome.sent",
  "maam.decided",
  "maam-outcome.sent",
  "pre-allocation.contact-recorded",
  "case.allocated",
  "case.reallocated",
  "initial-contact.made",
  "visit.completed",
  "assessment.completed",
  "assessment.not-required",
  "assessment.audited",
  "plan.completed",
  "review.held",
  "case-note.recorded",
  "escalation.recorded",
  "social-care.level4-confirmed",
  "wraparound.requested",
  "closure.requested",
  "closure.rejected",
  "closure.signed-off",
  "clock.reason-recorded",
  "supervision.recorded",
  "consent.recorded",
  "front-door.decided",
  "transfer-panel.requested",
  "transfer-panel.decided",
  "transfer-summary.recorded",
  "handover-meeting.held",
  "ending-letter.sent",
  "threshold.disputed",
  "threshold-dispute.resolved",
  "signposting.agreed",
  "case.flagged-high-risk",
  "case.high-risk-cleared",
  "allegation.recorded",
  "lado.notified",
  "lado.responded",
  "case.linked",
  "case.marked-not-a-contact",
  "contact.linked",
  "case.transferred",
  "case.received-by-transfer",
  "redacted",
  "legal-hold.placed",
  "legal-hold.lifted",
] as const satisfies readonly CaseEventType[];

/** One entry of a case's append-only log. */
export type CaseEvent<T extends CaseEventType = CaseEventType> = {
  [K in T]: {
    /** Position in the case's log, from 1; also the store's row key. */
    readonly seq: number;
    readonly type: K;
    /** UTC ISO-8601 instant the thing happened (not when it was typed in, where those differ). */
    readonly at: string;
    /** When it was written into the record, if later than `at` (rule 10.1 measures the gap). */
    readonly recordedAt?: string;
    readonly by: Actor;
    readonly why?: string;
    readonly data: CaseEventData[K];
  };
}[T];

/** An event not yet given its place in the log. */
export type NewCaseEvent<T extends CaseEventType = CaseEventType> = T extends CaseEventType
  ? Omit<CaseEvent<T>, "seq">
  : never;
