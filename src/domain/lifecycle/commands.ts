import type { Actor } from "../actor.js";
import type { CaseEventData } from "../case-events.js";
import type { NotAContactReason, Referrer } from "../contact.js";
import type { FrontDoorRouteBy } from "../intake/area-routing.js";
import type { Profile } from "../rules/profile-schema.js";
import type { StaffRole } from "../staff.js";

type Direction = CaseEventData["transfer-panel.decided"]["direction"];
type NoteType = CaseEventData["case-note.recorded"]["noteType"];

/**
 * What people (and the mailbox intake) ask of a case, in the service's words.
 * `occurredAt` is when it happened if earlier than now (a visit yesterday); the event is then stamped
 * `at = occurredAt, recordedAt = now` so rule 10.1 can measure the delay.
 */
export type CaseCommand = { readonly occurredAt?: string } & (
  | { type: "recordScreeningDecision"; outcome: string; note?: string; workerId?: string }
  | { type: "recordMaamDecision"; outcome: string; note?: string; workerId?: string }
  | { type: "allocate"; workerId: string }
  | { type: "reallocate"; toWorkerId: string; reason: string }
  | { type: "recordPreAllocationContact"; note?: string }
  | { type: "recordInitialContact" }
  | { type: "recordVisit"; childSeen: boolean; lateInDay?: boolean }
  | { type: "completeAssessment"; cypaUnderThreeMonths?: boolean }
  | { type: "recordAssessmentNotRequired" }
  | { type: "auditAssessment"; checklist: Record<string, boolean> }
  | { type: "completePlan" }
  | { type: "holdReview" }
  | { type: "recordCaseNote"; noteType: NoteType; note: string }
  | { type: "recordEscalation"; requestForSupportAttached: boolean; note?: string }
  | { type: "confirmLevel4"; wraparound: boolean }
  | { type: "receiveStepDownFromSocialCare"; contactId: string }
  | { type: "receiveWraparoundRequest" }
  | { type: "requestClosure"; checklist: Record<string, boolean>; summary: string }
  | { type: "rejectClosure"; reason: string }
  | { type: "signOffClosure"; endDate: string }
  | { type: "recordClockReason"; rule: string; instance: number; reason: string }
  | { type: "attachFollowUpContact"; contactId: string }
  /** A duty worker logs an email the intake set aside, as a new contact or on a case (issue 19 §5). */
  | {
      type: "recordRescuedMail";
      contactId: string;
      messageId: string;
      setAsideAs: "ignored" | "quarantined";
      reason: string;
    }
  /** Another copy of a contact's email arrived (another Graph message, the same Internet message). */
  | { type: "recordReceivedAgain"; contactId: string; messageId: string; receivedAt: string }
  /** The contact came through the county's shared Front Door address (issue 21 §4), routed so. */
  | { type: "recordFrontDoorRoute"; contactId: string; by: FrontDoorRouteBy; routedBy?: string }
  | { type: "confirmReferrer"; contactId: string; referrer: Referrer }
  // Duty triage of a case opened in error (before screening)
  | { type: "linkContactToCase"; toCaseId: string; contactIds: readonly string[]; note?: string }
  | { type: "receiveLinkedContact"; contactId: string; fromCaseId: string }
  | { type: "markNotAContact"; reason: NotAContactReason; note?: string }
  /** Issue 21 §4: the receiving centre already holds the case as `toCaseId`; this one closes as transferred. */
  | {
      type: "transferToCentre";
      transferId: string;
      toCentre: string;
      toCentreName: string;
      toCaseId: string;
      note?: string;
    }
  /** The outbox confirmed a letter in Sent Items (1.2, 2.2, 3.1 stop here). */
  | { type: "recordLetterSent"; letter: SentLetter; contactId?: string; outboxKey: string }
  /** A bounce returned the acknowledgement to us: the referrer did not get it (1.2 runs again). */
  | { type: "recordAcknowledgementNotDelivered"; contactId: string; outboxKey: string }
  // Bexley Family Wellbeing Service (seed 002)
  | { type: "recordConsent"; given: boolean; overriddenByManagerDecision?: boolean }
  | { type: "recordFrontDoorDecision"; outcome: string; note?: string }
  | { type: "recordTransferPanelDecision"; outcome: string; direction: Direction; note?: string }
  | { type: "recordTransferSummary"; fields: Readonly<Record<string, string>> }
  | { type: "recordHandoverMeeting" }
  | { type: "recordEndingLetter" }
  | { type: "disputeThreshold"; note: string }
  | { type: "resolveThresholdDispute"; note: string }
  | { type: "agreeSignposting"; note: string }
  // 11.5 high-risk awareness
  | { type: "flagHighRisk"; note: string }
  | { type: "clearHighRisk"; note: string }
  // Seed 004: allegations against people who work with children go to the LADO
  | { type: "recordAllegation"; note: string }
  | { type: "recordLadoNotification"; note: string }
  | { type: "recordLadoResponse"; note: string }
);

export type SentLetter = "acknowledgement" | "screening-outcome" | "maam-outcome";

export type CaseCommandType = CaseCommand["type"];
export type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

/** Who is asking, under which practice framework, and when. */
export interface CommandContext {
  readonly profile: Profile;
  readonly actor: Actor;
  /** The actor's roles; the mailbox intake (a system actor) has none. */
  readonly roles: readonly StaffRole[];
  readonly now: Date;
}
