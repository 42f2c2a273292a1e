import { CASE_STATES, type Case, type CaseState } from "../case.js";
import { CaseForbiddenError, CaseTransitionError } from "../errors.js";
import type { StaffRole } from "../staff.js";
import {
  assessmentCompleted,
  childSeenOnVisit,
  escalationRecorded,
  frontDoorDecided,
  initialContactMade,
  ladoNotificationOwed,
  ladoResponseAwaited,
  planCompleted,
  steppedDownFromSocialCare,
  thresholdDisputeOpen,
} from "./case-facts.js";
import type { CaseCommand, CaseCommandType, CommandContext } from "./commands.js";

/** How a card or message describes where a case is: "Case FC-2026-000123 is awaiting screening". */
export const STATE_PHRASES: Record<CaseState, string> = {
  "awaiting-consent": "is awaiting the parents' written consent",
  "awaiting-front-door-decision": "is awaiting the Front Door decision",
  "awaiting-screening": "is awaiting screening",
  "awaiting-maam": "is awaiting MAAM",
  "awaiting-transfer-panel": "is awaiting the transfer panel",
  "pre-allocation": "is on the Pre-Allocation List",
  "awaiting-allocation": "is awaiting allocation",
  allocated: "is allocated",
  escalated: "is escalated to Social Care",
  wraparound: "is held by Social Care with Early Help wraparound support",
  "closure-requested": "is awaiting a manager's closure sign-off",
  closed: "is closed",
};

const TRIAGE: readonly StaffRole[] = ["duty-worker", "manager"];
/** Before any decision: what duty triage may still undo. */
const BEFORE_SCREENING: readonly CaseState[] = [
  "awaiting-consent",
  "awaiting-front-door-decision",
  "awaiting-screening",
];
const CASEWORK: readonly StaffRole[] = ["practitioner", "duty-worker", "manager"];
const OPEN_WITH_WORKER: readonly CaseState[] = ["allocated", "wraparound"];
/** CASE_STATES runs along the path: accepted means awaiting allocation or any state after it. */
const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((state) => state !== "closed");
const AFTER_ACCEPTANCE: readonly CaseState[] = CASE_STATES.slice(CASE_STATES.indexOf("awaiting-allocation"));

interface CommandRule {
  /** What the command does, as "Only a manager can …" finishes it. */
  readonly action: string;
  readonly roles: readonly StaffRole[];
  /** The mailbox intake may give it too. */
  readonly system?: boolean;
  /** States it is allowed in; undefined = any. */
  readonly states?: readonly CaseState[];
  /** "it cannot <cannot> <until>." */
  readonly cannot?: string;
  readonly until?: string;
  /** What the case's log must already show; the reason it cannot happen yet, or undefined when it can. */
  readonly requires?: (kase: Case) => string | undefined;
}

const firstVisit = (what: string) => (kase: Case) =>
  childSeenOnVisit(kase)
    ? undefined
    : `it cannot have its ${what} completed before a first visit where the child was seen and spoken to is recorded (rule 4.1)`;

const RULES: Record<CaseCommandType, CommandRule> = {
  recordScreeningDecision: {
    action: "record a screening decision",
    roles: ["duty-worker", "manager"],
    states: ["awaiting-screening"],
    cannot: "be screened",
    until: "unless it is awaiting screening",
  },
  recordMaamDecision: {
    action: "record a MAAM decision",
    roles: ["panel-member", "manager"],
    states: ["awaiting-maam"],
    cannot: "have a MAAM decision",
    until: "unless screening has sent it to MAAM",
  },
  allocate: {
    action: "allocate a case",
    roles: ["manager", "duty-worker"],
    states: ["awaiting-allocation", "pre-allocation", "wraparound"],
    cannot: "be allocated",
    until: "until screening decides to step it down or MAAM decides to allocate",
    requires: (kase) =>
      kase.state === "wraparound" && kase.wraparoundWorkerId !== undefined
        ? "it already has a wraparound worker: reallocate it to change who that is"
        : undefined,
  },
  reallocate: {
    action: "reallocate a case",
    roles: ["manager"],
    states: ["allocated", "escalated", "wraparound", "awaiting-transfer-panel", "closure-requested"],
    cannot: "be reallocated",
    until: "until it has been allocated to a worker",
    requires: (kase) => {
      const wraparound = kase.state === "wraparound";
      const from = wraparound ? kase.wraparoundWorkerId : kase.leadWorkerId;
      return from === undefined
        ? `it has no ${wraparound ? "wraparound" : "lead"} worker to reallocate from: allocate it instead`
        : undefined;
    },
  },
  recordPreAllocationContact: {
    action: "record a contact with a family on the Pre-Allocation List",
    roles: CASEWORK,
    states: ["pre-allocation"],
    cannot: "have a pre-allocation contact recorded",
    until: "unless MAAM has placed it on the Pre-Allocation List",
  },
  recordInitialContact: {
    action: "record the initial contact",
    roles: CASEWORK,
    states: OPEN_WITH_WORKER,
    cannot: "have its initial contact recorded",
    until: "until it is allocated to a worker",
  },
  recordVisit: {
    action: "record a visit",
    roles: CASEWORK,
    states: OPEN_WITH_WORKER,
    cannot: "have a visit recorded",
    until: "until it is allocated to a worker",
    requires: (kase) =>
      initialContactMade(kase)
        ? undefined
        : "it cannot have a visit recorded before the initial contact with the family is recorded (rule 4.1)",
  },
  completeAssessment: {
    action: "complete an assessment",
    roles: CASEWORK,
    states: OPEN_WITH_WORKER,
    cannot: "have its assessment completed",
    until: "until it is allocated to a worker",
    requires: firstVisit("assessment"),
  },
  recordAssessmentNotRequired: {
    action: "record that no assessment is needed",
    roles: ["practitioner", "manager"],
    states: ["awaiting-allocation", "allocated"],
    cannot: "be excused an assessment",
    until: "unless it is awaiting allocation or allocated",
    requires: (kase) =>
      steppedDownFromSocialCare(kase)
        ? undefined
        : "only a family stepped down from Social Care with a recent CYPA can go without an assessment (rule 4.5)",
  },
  auditAssessment: {
    action: "audit an assessment",
    roles: ["practitioner", "manager"],
    requires: (kase) => (assessmentCompleted(kase) ? undefined : "it has no completed assessment to audit (rule 4.4)"),
  },
  completePlan: {
    action: "complete a support plan",
    roles: CASEWORK,
    states: OPEN_WITH_WORKER,
    cannot: "have its plan completed",
    until: "until it is allocated to a worker",
    requires: firstVisit("support plan"),
  },
  holdReview: {
    action: "record a plan review",
    roles: CASEWORK,
    states: OPEN_WITH_WORKER,
    cannot: "have a review recorded",
    until: "until it is allocated to a worker",
    requires: (kase) =>
      planCompleted(kase) ? undefined : "it cannot have a review before its support plan is completed (rule 5.1)",
  },
  recordCaseNote: { action: "record a case note", roles: ["practitioner", "duty-worker", "panel-member", "manager"] },
  recordEscalation: {
    action: "record an escalation to Social Care",
    roles: CASEWORK,
    states: ["allocated", "escalated"],
    cannot: "be escalated to Social Care",
    until: "unless it is allocated or screening or MAAM has escalated it",
  },
  confirmLevel4: {
    action: "record Social Care's Level 4 decision",
    roles: ["practitioner", "manager"],
    states: ["escalated"],
    cannot: "have Level 4 confirmed",
    until: "until it has been escalated to Social Care",
    requires: (kase) =>
      escalationRecorded(kase)
        ? undefined
        : "its escalation case note and Request for Support must be recorded before Level 4 is confirmed (rule 7.2)",
  },
  receiveStepDownFromSocialCare: {
    action: "receive a step-down from Social Care",
    roles: ["duty-worker", "manager"],
    states: ["escalated", "wraparound"],
    cannot: "be stepped down from Social Care",
    until: "unless Social Care holds it; a step-down of a family we do not hold opens a new case",
  },
  receiveWraparoundRequest: {
    action: "receive a wraparound request",
    roles: ["duty-worker", "manager"],
    states: ["escalated"],
    cannot: "receive a wraparound request",
    until: "unless it has been escalated to Social Care; a request for a family we do not hold opens a new case",
  },
  requestClosure: {
    action: "request closure",
    roles: CASEWORK,
    states: OPEN_WITH_WORKER,
    cannot: "be put forward for closure",
    until: "unless it is allocated to a worker",
  },
  rejectClosure: {
    action: "reject a closure request",
    roles: ["manager"],
    states: ["closure-requested"],
    cannot: "have a closure request rejected",
    until: "unless closure has been requested",
  },
  signOffClosure: {
    action: "sign off a closure",
    roles: ["manager"],
    states: ["closure-requested"],
    cannot: "be signed off for closure",
    until: "until its worker requests closure with the closure-ready checklist complete",
  },
  recordClockReason: { action: "record why a timescale was missed", roles: CASEWORK },
  attachFollowUpContact: {
    action: "attach a contact to a case",
    roles: ["duty-worker", "manager", "admin"],
    system: true,
  },
  recordReceivedAgain: { action: "record that an email was received again", roles: [], system: true },
  recordRescuedMail: { action: "log an email the service set aside", roles: TRIAGE },
  recordFrontDoorRoute: { action: "record how a Front Door contact was routed", roles: [], system: true },
  confirmReferrer: { action: "confirm the referrer", roles: ["duty-worker", "manager", "admin"] },
  recordLetterSent: { action: "record that a letter was sent", roles: [], system: true },
  recordAcknowledgementNotDelivered: {
    action: "record that an acknowledgement was not delivered",
    roles: [],
    system: true,
  },
  linkContactToCase: {
    action: "link a contact to an existing case",
    roles: TRIAGE,
    states: BEFORE_SCREENING,
    cannot: "be linked to another case",
    until: "once screening has decided it; record the link as a case note instead",
  },
  /** The consequence of a link already decided on the case opened in error; the service records it. */
  receiveLinkedContact: { action: "link a contact to an existing case", roles: TRIAGE, system: true },
  markNotAContact: {
    action: "mark a contact as not a contact",
    roles: TRIAGE,
    states: BEFORE_SCREENING,
    cannot: "be marked as not a contact",
    until: "once screening has decided it; close it through the usual closure instead",
  },
  /** The service itself only finishes a transfer a person started (the nightly repair after a crash). */
  transferToCentre: {
    action: "transfer a case to another centre",
    roles: TRIAGE,
    system: true,
    states: OPEN_STATES,
    cannot: "be transferred to another centre",
    until: "once it has closed; a family writing again is a new contact",
  },
  recordConsent: {
    action: "record consent",
    roles: CASEWORK,
    states: ["awaiting-consent"],
    cannot: "have consent recorded",
    until: "unless it is awaiting consent",
  },
  recordFrontDoorDecision: {
    action: "record a Front Door decision",
    roles: ["duty-worker", "manager"],
    states: ["awaiting-front-door-decision"],
    cannot: "have a Front Door decision",
    until: "unless it is awaiting one",
  },
  recordTransferPanelDecision: {
    action: "record a transfer panel decision",
    roles: ["panel-member", "manager"],
    states: ["awaiting-transfer-panel"],
    cannot: "have a transfer panel decision",
    until: "unless it has been put forward to the transfer panel",
  },
  recordTransferSummary: {
    action: "write the transfer summary",
    roles: CASEWORK,
    states: ["awaiting-transfer-panel"],
    cannot: "have a transfer summary written",
    until: "unless it has been put forward to the transfer panel",
  },
  recordHandoverMeeting: {
    action: "record a hand-over meeting",
    roles: CASEWORK,
    states: AFTER_ACCEPTANCE,
    cannot: "have a hand-over meeting recorded",
    until: "before it has been accepted",
  },
  recordEndingLetter: {
    action: "record an ending letter",
    roles: CASEWORK,
    states: AFTER_ACCEPTANCE,
    cannot: "have an ending letter recorded",
    until: "before it has been accepted",
  },
  disputeThreshold: {
    action: "dispute a Front Door threshold decision",
    roles: ["manager"],
    requires: (kase) =>
      !frontDoorDecided(kase)
        ? "there is no Front Door threshold decision to dispute yet"
        : thresholdDisputeOpen(kase)
          ? "its threshold decision is already disputed and awaiting resolution"
          : undefined,
  },
  resolveThresholdDispute: {
    action: "resolve a threshold dispute",
    roles: ["manager"],
    requires: (kase) => (thresholdDisputeOpen(kase) ? undefined : "there is no open threshold dispute to resolve"),
  },
  flagHighRisk: {
    action: "flag a case high risk",
    roles: ["manager"],
    states: OPEN_STATES,
    cannot: "be flagged high risk",
    until: "once it has closed",
    requires: (kase) => (kase.highRisk ? "it is already flagged high risk" : undefined),
  },
  clearHighRisk: {
    action: "clear a case's high-risk flag",
    roles: ["manager"],
    requires: (kase) => (kase.highRisk ? undefined : "it is not flagged high risk"),
  },
  recordAllegation: {
    action: "record a concern about a person who works with children",
    roles: CASEWORK,
    states: OPEN_STATES,
    cannot: "have a concern recorded",
    until: "once it has closed",
  },
  recordLadoNotification: {
    action: "record a LADO notification",
    roles: CASEWORK,
    requires: (kase) =>
      ladoNotificationOwed(kase) ? undefined : "there is no concern recorded for the LADO to be told of",
  },
  recordLadoResponse: {
    action: "record the LADO's response",
    roles: CASEWORK,
    requires: (kase) => (ladoResponseAwaited(kase) ? undefined : "the LADO has not been notified of a concern on it"),
  },
  agreeSignposting: {
    action: "agree to close and signpost a family",
    roles: ["manager"],
    states: ["allocated"],
    cannot: "be signposted elsewhere",
    until: "unless it is allocated to a key worker",
  },
};

/** Every command of the lifecycle, from the rules table itself. */
export const COMMAND_TYPES = Object.keys(RULES) as CaseCommandType[];

/** Who may give a command by hand: the one list every door (tab, bot, API) asks. */
export const rolesFor = (type: CaseCommandType): readonly StaffRole[] => RULES[type].roles;

const ROLE_NAMES: Record<StaffRole, string> = {
  "duty-worker": "a duty worker",
  "panel-member": "a panel member",
  practitioner: "a practitioner",
  manager: "a manager",
  admin: "an administrator",
  "all-cases-reader": "an all-cases reader",
  "data-protection": "the data protection officer",
};

export function rolesPhrase(roles: readonly StaffRole[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "nobody");
}

export function forbidden(kase: Case, roles: readonly StaffRole[], action: string): CaseForbiddenError {
  const message =
    roles.length === 0
      ? `Only the service itself can ${action} (case ${kase.id}); it is not recorded by hand.`
      : `Only ${rolesPhrase(roles)} can ${action} (case ${kase.id}). Ask ${rolesPhrase(roles)} to do it.`;
  return new CaseForbiddenError(kase.id, roles, message);
}

export function notAllowed(kase: Case, reason: string): CaseTransitionError {
  return new CaseTransitionError(kase.id, kase.state, `Case ${kase.id} ${STATE_PHRASES[kase.state]}; ${reason}.`);
}

/** Role first (it is about the person), then where the case is. */
export function checkAllowed(kase: Case, command: CaseCommand, ctx: CommandContext): void {
  const rule = RULES[command.type];
  const bySystem = ctx.actor.kind === "system" && rule.system === true;
  if (!bySystem && !rule.roles.some((role) => ctx.roles.includes(role))) {
    throw forbidden(kase, rule.roles, rule.action);
  }
  if (rule.states !== undefined && !rule.states.includes(kase.state)) {
    throw notAllowed(kase, `it cannot ${rule.cannot} ${rule.until}`);
  }
  const unmet = rule.requires?.(kase);
  if (unmet !== undefined) throw notAllowed(kase, unmet);
}

/**
 * Whether a person with `roles` may give the command by hand on the case as it stands: the same rule `decide` applies
 * (role, where the case is, what its log already shows), so every door offers exactly what would be accepted.
 */
export function mayGive(kase: Case, type: CaseCommandType, roles: readonly StaffRole[]): boolean {
  const rule = RULES[type];
  return (
    rule.roles.some((role) => roles.includes(role)) &&
    (rule.states === undefined || rule.states.includes(kase.state)) &&
    rule.requires?.(kase) === undefined
  );
}
