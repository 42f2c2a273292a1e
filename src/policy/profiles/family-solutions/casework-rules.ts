import { allocated, cite, type RuleInput } from "./rule-parts.js";

const allocatedToLeadProfessional = { event: "case.allocated", where: { role: "lead" } } as const;

/** Sections 4–7: allocation, assessment, plans, step-downs, escalation and wraparound. */
export const caseworkRules: RuleInput[] = [
  {
    id: "4.1a",
    kind: "clock",
    name: "Make initial contact with the family",
    citation: cite("4.1"),
    start: [allocated],
    stop: [{ event: "initial-contact.made" }],
    maximum: { amount: 2, unit: "calendar-days" },
  },
  {
    id: "4.1b",
    kind: "clock",
    name: "Complete the first visit, with the child seen and spoken to",
    citation: cite("4.1"),
    start: [{ event: "initial-contact.made" }],
    stop: [{ event: "visit.completed", where: { childSeen: true } }],
    maximum: { amount: 5, unit: "working-days" },
    notes: "A visit without the child seen and spoken to does not count as the first visit.",
  },
  {
    id: "4.2",
    kind: "warning",
    name: "Mind the lone working policy for late visits",
    citation: cite("4.2"),
    // The framework says "at the end of the day" and names no hour: 16:00 is this profile's setting.
    on: [
      { event: "visit.completed", atOrAfter: "16:00" },
      { event: "visit.completed", where: { lateInDay: true } },
    ],
    message:
      "This visit was at the end of the day. Where a case could be contentious or high risk, or you might need " +
      "a manager or colleague, follow the lone working policy and plan the next visit earlier.",
    notes:
      "The service records visits rather than bookings, so the reminder comes when a late visit is recorded: one " +
      "at or after 16:00 (the framework names no hour; this is the profile's setting), or one the worker marks late.",
  },
  {
    id: "4.3",
    kind: "clock",
    name: "Complete the Early Help Assessment and start the Support Plan",
    citation: cite("4.3"),
    start: [allocatedToLeadProfessional],
    stop: [{ event: "assessment.completed" }],
    maximum: { amount: 4, unit: "calendar-weeks" },
    cancelledBy: [{ event: "assessment.not-required", where: { reason: "cypa-under-three-months" } }],
    notes:
      "Record the EHA as completed once the Support Plan has also been started on EIS. Not required for a " +
      "step-down from Social Care with a CYPA under three calendar months old (4.5): the worker records that " +
      "(assessment.not-required), which cancels this clock; 5.1's plan is still due.",
  },
  {
    id: "4.4",
    kind: "check",
    name: "Early Help Assessment audit",
    citation: cite("4.4"),
    on: [{ event: "assessment.audited" }],
    items: [
      { id: "within-timescale", label: "Completed within timescale" },
      { id: "family-history", label: "Family history and details of previous interventions" },
      { id: "developmental-needs", label: "The child's developmental needs identified" },
      { id: "clear-recording", label: "Recording is clear and succinct" },
      { id: "partner-involvement", label: "Partner agencies' involvement is evident" },
      { id: "voice-of-child", label: "The voice of the child" },
      { id: "next-steps", label: "A clear recommendation of next steps" },
    ],
    notes: "Completed by an Early Help Enabler for every EHA entered on the system.",
  },
  {
    id: "5.1a",
    kind: "clock",
    name: "Complete the Early Help Support Plan",
    citation: cite("5.1"),
    start: [allocatedToLeadProfessional],
    stop: [{ event: "plan.completed" }],
    maximum: { amount: 42, unit: "calendar-days" },
    notes: "Plans are SMART; a plan is needed even where a CYPA under three months old means no EHA.",
  },
  {
    id: "5.1b",
    kind: "clock",
    name: "Hold a Support Plan review",
    citation: cite("5.1"),
    start: [{ event: "plan.completed" }],
    stop: [{ event: "review.held" }],
    maximum: { amount: 42, unit: "calendar-days" },
    recurrence: { restartOn: "stop", until: [] },
    notes: "At least every 42 calendar days after the plan, then after each review.",
  },
  {
    id: "6.1",
    kind: "clock",
    name: "Allocate a case stepped down from Social Care",
    citation: cite("6.1"),
    start: [{ event: "contact.received", where: { kind: "step-down-from-social-care", followUp: false } }],
    stop: [allocated],
    maximum: { amount: 48, unit: "hours" },
  },
  {
    id: "7.1",
    kind: "clock",
    name: "Screen and allocate a wraparound request",
    citation: cite("7.1"),
    start: [
      { event: "contact.received", where: { kind: "wraparound-request", followUp: false } },
      { event: "wraparound.requested" },
    ],
    stop: [allocated, { event: "case.reallocated", where: { role: "wraparound" } }],
    expected: { amount: 2, unit: "working-days" },
    maximum: { amount: 5, unit: "calendar-days" },
    cancelledBy: [{ event: "screening.decided", where: { outcome: { not: "wraparound" } } }],
  },
  {
    id: "7.2",
    kind: "check",
    name: "Record a decision to escalate to Social Care",
    citation: cite("7.2"),
    on: [{ event: "escalation.recorded" }],
    items: [
      { id: "case-note", label: "The decision is recorded in a case note on EIS" },
      { id: "request-for-support", label: "A copy of the Request for Support form is attached" },
    ],
    notes: "Once Social Care confirm Level 4, record whether wraparound support is needed (EH Stepped Up form).",
  },
  {
    id: "7.3",
    kind: "check",
    name: "Reallocate as wraparound",
    citation: cite("7.3"),
    on: [{ event: "social-care.level4-confirmed", where: { wraparound: true } }],
    items: [
      { id: "key-worker-deallocated", label: "The manager has deallocated the practitioner from the Key worker role" },
      { id: "reallocated-wraparound", label: "The case is reallocated as Wraparound" },
    ],
  },
  {
    id: "7.4",
    kind: "check",
    name: "Close when Social Care need no Early Help support",
    citation: cite("7.4"),
    on: [{ event: "social-care.level4-confirmed", where: { wraparound: false } }],
    items: [{ id: "closure-requested", label: "Case closure is requested" }],
  },
];
