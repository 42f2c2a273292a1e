import { allocated, cite, newRequest, type RuleInput } from "./rule-parts.js";

/** 11.3: recommended caseloads; the profile's caseload limits and rule 11.3 read the same figures. */
export const CASELOAD_LIMITS = { fullTime: 20, partTime: 10 };

const managersDecision = { event: "case-note.recorded", where: { noteType: "managers-decision" } } as const;

/** Sections 8–11: closure, voice of the child, recording and management oversight. */
export const oversightRules: RuleInput[] = [
  {
    id: "8.1",
    kind: "clock",
    name: "Manager signs off the case closure",
    citation: cite("8.1"),
    start: [{ event: "closure.requested" }],
    stop: [{ event: "closure.signed-off" }],
    maximum: { amount: 3, unit: "calendar-days" },
    cancelledBy: [{ event: "closure.rejected" }],
    notes: "Sign-off records the end date of involvement and deallocates the case.",
  },
  {
    id: "8.2",
    kind: "check",
    name: "Case is closure ready",
    citation: cite("8.2"),
    on: [{ event: "closure.requested" }],
    items: [
      { id: "records-up-to-date", label: "All records on EIS are up to date" },
      { id: "documents-uploaded", label: "Relevant documents are uploaded" },
      { id: "plan-actions-completed", label: "Outstanding actions from the plan are completed" },
      { id: "supervisor-tasks-done", label: "Further tasks directed by the supervisor are done" },
      { id: "closure-summary", label: "A case closure summary is provided" },
    ],
  },
  {
    id: "9",
    kind: "check",
    name: "Voice of the child is evident",
    citation: cite("9"),
    on: [
      { event: "assessment.completed" },
      { event: "plan.completed" },
      { event: "review.held" },
      { event: "closure.requested" },
    ],
    items: [{ id: "voice-of-child", label: "A 'Direct work/Voice of the child' case note is recorded" }],
    // 9.2: the direct work is recorded in its own case note, during the work each stage completes.
    evidence: {
      events: [{ event: "case-note.recorded", where: { noteType: "voice-of-child" } }],
      window: "since-previous-stage",
    },
    notes:
      "Checked at assessment, plan, casework (each review) and closure: a 'Direct work/Voice of the child' note " +
      "recorded since the stage before, and by this one.",
  },
  {
    id: "10.1",
    kind: "clock",
    name: "Record the visit or contact",
    citation: cite("10.1"),
    measure: "recording-delay",
    start: [
      { event: "visit.completed" },
      { event: "initial-contact.made" },
      { event: "pre-allocation.contact-recorded" },
      { event: "case-note.recorded", where: { noteType: ["case-note", "contact-record", "voice-of-child"] } },
    ],
    stop: [
      { event: "visit.completed" },
      { event: "initial-contact.made" },
      { event: "pre-allocation.contact-recorded" },
      { event: "case-note.recorded", where: { noteType: ["case-note", "contact-record", "voice-of-child"] } },
    ],
    maximum: { amount: 1, unit: "working-days" },
    notes: "By the end of the next working day after the visit or contact happened.",
  },
  {
    id: "11.1",
    kind: "clock",
    name: "Record management oversight of the assessment, plan, review or closure",
    citation: cite("11.1"),
    start: [
      { event: "assessment.completed" },
      { event: "plan.completed" },
      { event: "review.held" },
      { event: "closure.requested" },
    ],
    stop: [managersDecision],
    maximum: { amount: 3, unit: "calendar-days" },
    // Signing the closure off does not record the oversight of it: the note is still due after the case closes.
    runsAfterClosure: true,
    notes: "A 'Managers Decision' case note; the one on a closure is still due once the case is signed off.",
  },
  {
    id: "11.1m",
    kind: "clock",
    name: "Record management oversight each month",
    citation: cite("11.1"),
    start: [allocated],
    stop: [managersDecision],
    maximum: { amount: 1, unit: "calendar-months" },
    recurrence: { restartOn: "stop", until: [] },
    notes: "Evidence of oversight at least once a month on every open allocated case.",
  },
  {
    id: "11.2",
    kind: "clock",
    name: "Record the supervision case discussion",
    citation: cite("11.2"),
    start: [{ event: "case-note.recorded", where: { noteType: "supervision-discussion" } }],
    stop: [managersDecision],
    maximum: { amount: 1, unit: "working-days" },
    notes: "The supervisor records discussions and actions as a 'Managers Decision' case note.",
  },
  {
    id: "11.3",
    kind: "limit",
    name: "Caseload",
    citation: cite("11.3"),
    on: [allocated, { event: "case.reallocated" }],
    limits: CASELOAD_LIMITS,
    notes:
      "Families per practitioner. A warning on allocation over the limit, not a block: larger families and " +
      "intensive work are agreed in a caseload discussion with the supervisor.",
  },
  {
    id: "11.4",
    kind: "milestones",
    name: "Prioritise oversight of long-open cases",
    citation: cite("11.4"),
    from: [newRequest],
    at: [
      { amount: 3, unit: "calendar-months" },
      { amount: 6, unit: "calendar-months" },
      { amount: 9, unit: "calendar-months" },
      { amount: 12, unit: "calendar-months" },
    ],
    notes: "Counted from the case's opening (its first new request); shown in reports.",
  },
  {
    id: "11.5",
    kind: "warning",
    name: "Leads are aware of the team's most intensive and high-risk cases",
    citation: cite("11.5"),
    on: [{ event: "case.flagged-high-risk" }],
    withdrawnBy: [{ event: "case.high-risk-cleared" }],
    message:
      "A manager flagged this case high risk: one of the team's most intensive or high-risk cases, for high-level " +
      "oversight. Every list shows it until a manager clears the flag.",
    notes: "A manager flags a case high risk, and clears it, saying why; every list of cases shows the flag.",
  },
  {
    id: "11.6",
    kind: "clock",
    name: "Hold supervision",
    citation: cite("11.6"),
    subject: "practitioner",
    start: [{ event: "supervision.recorded" }],
    stop: [{ event: "supervision.recorded" }],
    maximum: { amount: 4, unit: "calendar-weeks" },
    recurrence: { restartOn: "stop", until: [] },
    notes: "Per practitioner; recorded in the Supervision Case Note straight away.",
  },
];
