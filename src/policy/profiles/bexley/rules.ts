import type { ProfileInput } from "../../../domain/rules/profile-schema.js";

type RuleInput = ProfileInput["rules"][number];

/** Keys citations use; `bexley.ts` lists them in `documents`. */
export const FWS_PROCEDURE = "FWS Procedure";
export const CRS_GUIDE = "CRS guide";
export const LEAD_FAMILY_WORKER = "Lead Family Worker roles";
const cite = (section: string) => ({ document: FWS_PROCEDURE, section });

const accepted = { event: "screening.decided", where: { outcome: "accept" } } as const;
/** A referral received (not a transfer from Social Care, which the weekly transfer panel takes). */
const referral = {
  event: "contact.received",
  where: { followUp: false, kind: { not: "step-down-from-social-care" } },
} as const;
/** The procedure sets no timescale for writing to referrers: this is the service's own, changeable in Settings. */
const LETTER_TIMESCALE = { amount: 1, unit: "working-days" } as const;

/**
 * Bexley's Family Wellbeing Service procedure (seed 002); from the other seeds where they fit it: consent override and
 * the LADO from Southampton's CRS (seed 004), a lead worker within a week of the panel (seed 000).
 */
export const bexleyRules: RuleInput[] = [
  {
    id: "front-door-decision",
    kind: "clock",
    name: "Front Door-MASH initial decision",
    citation: cite("2"),
    // A family transferred from Social Care comes through the weekly transfer panel, not the Front Door (§2).
    start: [referral],
    stop: [{ event: "front-door.decided" }],
    maximum: { amount: 24, unit: "hours" },
    notes:
      "From receiving the information: signpost, re-direct to Children's Social Care, or send to the service. Not " +
      "for a transfer from Social Care, which the weekly transfer panel decides.",
  },
  {
    id: "threshold-dispute",
    kind: "clock",
    name: "Resolve a disputed threshold decision",
    citation: cite("2"),
    start: [{ event: "threshold.disputed" }],
    stop: [{ event: "threshold-dispute.resolved" }],
    maximum: { amount: 24, unit: "hours" },
    notes:
      "The service cannot change a MASH threshold decision; a dispute is escalated at once through line management.",
  },
  {
    id: "acknowledgement",
    kind: "clock",
    name: "Acknowledge the referrer",
    citation: cite("2"),
    start: [referral],
    // A letter already returned when it was recorded sent (the bounce came first) reached nobody.
    stop: [{ event: "acknowledgement.sent", where: { returned: { not: true } } }],
    reopenedBy: [{ event: "acknowledgement.not-delivered" }],
    correlateBy: "contactId",
    maximum: LETTER_TIMESCALE,
    localPractice: true,
    notes:
      "The referrer and family are contacted about the outcome (§2); the procedure sets no timescale for " +
      "acknowledging a referral, so this is local practice: 1 working day unless Settings say otherwise.",
  },
  {
    id: "outcome-letter",
    kind: "clock",
    name: "Tell the referrer the outcome",
    citation: cite("2"),
    start: [
      { event: "front-door.decided", where: { outcome: ["signpost", "escalate-social-care"] } },
      { event: "screening.decided" },
    ],
    stop: [{ event: "screening-outcome.sent" }],
    maximum: LETTER_TIMESCALE,
    localPractice: true,
    notes:
      "After the Front Door-MASH signposts or re-directs, or the duty manager accepts, signposts or re-directs " +
      "(§2 options a–c). The procedure sets no timescale: local practice, 1 working day unless Settings say otherwise.",
  },
  {
    id: "out-of-hours-message",
    kind: "clock",
    name: "Answer a message left out of hours",
    citation: cite("2"),
    start: [{ event: "contact.received", where: { outOfHours: true, followUp: false } }],
    stop: [
      { event: "acknowledgement.sent", where: { returned: { not: true } } },
      { event: "case-note.recorded", where: { noteType: "contact-record" } },
    ],
    maximum: { amount: 1, unit: "working-days" },
    notes:
      "'Outside of office hours, there is an answerphone facility; messages will be responded to on the next " +
      "working day.' Answered by the acknowledgement or a contact record; a message left before the office opens " +
      "on a working day is due by the end of the next one.",
  },
  {
    id: "lado-notification",
    kind: "clock",
    name: "Notify the LADO of a concern about a person who works with children",
    citation: { document: CRS_GUIDE, section: "Local Authority Designated Officer (LADO)" },
    start: [{ event: "allegation.recorded" }],
    stop: [{ event: "lado.notified" }],
    maximum: { amount: 24, unit: "hours" },
    notes:
      "'All allegations or concerns about people working with children and young people should be reported to LADO " +
      "via the LADO Notification Form within 24 hours of the incident taking place or concern being shared.'",
  },
  {
    id: "lado-response",
    kind: "clock",
    name: "The LADO responds",
    citation: { document: CRS_GUIDE, section: "Local Authority Designated Officer (LADO)" },
    start: [{ event: "lado.notified" }],
    stop: [{ event: "lado.responded" }],
    maximum: { amount: 24, unit: "working-hours" },
    notes:
      "'LADO will respond to any communication within 24 working hours': the LADO's undertaking, so the worker " +
      "knows when to chase. Working hours are the service's (09:00–17:00 on working days unless configured).",
  },
  {
    id: "lead-worker-after-panel",
    kind: "clock",
    name: "Allocate a lead worker after the transfer panel",
    citation: { document: LEAD_FAMILY_WORKER, section: "Lead Agency" },
    start: [{ event: "transfer-panel.decided", where: { outcome: "transfer", direction: "to-early-help" } }],
    stop: [{ event: "case.allocated" }],
    maximum: { amount: 1, unit: "calendar-weeks" },
    appliesTo: { caseKinds: ["step-down-from-social-care"] },
    notes:
      "Once the panel agrees who leads, the lead agency allocates a lead family worker 'within one week of the " +
      "panel'. Bexley's procedure sets no timescale for allocating a family transferred from Social Care.",
  },
  {
    id: "consent",
    kind: "check",
    name: "Written parental consent to the referral",
    citation: cite("2"),
    on: [accepted],
    items: [
      {
        id: "written-consent",
        label: "Parents/carers have given explicit, written consent (on the referral form, or by self-referral)",
      },
    ],
  },
  {
    id: "consent-override",
    kind: "check",
    name: "Consent overridden only on a recorded manager decision",
    citation: { document: CRS_GUIDE, section: "Multi-Agency Safeguarding Hub (MASH)" },
    on: [{ event: "consent.recorded", where: { overriddenByManagerDecision: true } }],
    items: [
      {
        id: "managers-decision",
        label:
          "A manager's decision is recorded, giving the credible reason that seeking consent would put a child at risk of significant harm",
      },
    ],
  },
  {
    id: "eligibility",
    kind: "check",
    name: "Eligible for the Family Wellbeing Service",
    citation: cite("1"),
    on: [{ event: "front-door.decided", where: { outcome: "family-wellbeing" } }, accepted],
    items: [
      {
        id: "tier-two",
        label: "The need is at tier two, and not 'in need' or 'at risk of harm' (those go to Social Care)",
      },
      {
        id: "one-of-four-factors",
        label:
          "At least one of: parental domestic violence; parental mental ill-health; parental substance misuse; " +
          "a child at risk of exclusion from, or excluded from, school",
      },
      { id: "impacts-wellbeing", label: "The factor impacts on the child or young person's wellbeing" },
    ],
  },
  {
    id: "allocation",
    kind: "clock",
    name: "Allocate a Family Key Worker",
    citation: cite("3"),
    start: [accepted],
    stop: [{ event: "case.allocated" }],
    maximum: { amount: 24, unit: "hours" },
    notes: "From the duty manager accepting the referral and opening the wellbeing episode.",
  },
  {
    id: "introductory-visit",
    kind: "clock",
    name: "Introductory visit",
    citation: cite("3"),
    start: [{ event: "case.allocated" }],
    stop: [{ event: "visit.completed" }],
    maximum: { amount: 5, unit: "calendar-days" },
    notes:
      "'Within 5 days (or as directed by the manager)': calendar days, because the same procedure says " +
      "'working days' where it means them (§5). A manager's different direction is recorded as the clock's reason.",
  },
  {
    id: "wellbeing-assessment",
    kind: "clock",
    name: "Wellbeing assessment written up and authorised",
    citation: cite("4"),
    start: [accepted],
    stop: [{ event: "assessment.completed" }],
    maximum: { amount: 20, unit: "calendar-days" },
    notes:
      "From the referral (the accepted Contact Record). Record the assessment as completed once a manager has " +
      "authorised it. Calendar days, as for the introductory visit.",
  },
  {
    id: "signposting-handover",
    kind: "clock",
    name: "Hand-over meeting with the service the family is signposted to",
    citation: cite("5"),
    start: [{ event: "signposting.agreed" }],
    stop: [{ event: "handover-meeting.held" }],
    maximum: { amount: 5, unit: "working-days" },
    notes: "From the manager's decision to close and signpost; what is shared is agreed with the family.",
  },
  {
    id: "visits",
    kind: "clock",
    name: "Key Worker visit",
    citation: cite("7"),
    start: [{ event: "plan.completed" }],
    stop: [{ event: "visit.completed" }],
    maximum: { amount: 4, unit: "calendar-weeks" },
    recurrence: { restartOn: "stop", until: [] },
    notes: "At least every 4 weeks after the initial wellbeing planning meeting, which completes the first plan.",
  },
  {
    id: "reviews",
    kind: "clock",
    name: "Formal review meeting",
    citation: cite("8"),
    start: [{ event: "plan.completed" }],
    stop: [{ event: "review.held" }],
    maximum: { amount: 3, unit: "calendar-months" },
    recurrence: { restartOn: "stop", until: [] },
  },
  {
    id: "visit-recording",
    kind: "clock",
    name: "Record the visit",
    citation: cite("10"),
    measure: "recording-delay",
    start: [{ event: "visit.completed" }],
    stop: [{ event: "visit.completed" }],
    maximum: { amount: 24, unit: "hours" },
    notes: "As a case note stating the visit type.",
  },
  {
    id: "oversight",
    kind: "check",
    name: "Manager's oversight at each critical point",
    citation: cite("12"),
    on: [
      { event: "case.allocated" },
      { event: "visit.completed", first: true },
      { event: "assessment.completed" },
      { event: "plan.completed" },
      { event: "review.held" },
      { event: "transfer-panel.decided" },
      { event: "closure.requested" },
    ],
    items: [{ id: "managers-decision", label: "A manager's oversight is recorded (a Managers Decision case note)" }],
    evidence: {
      events: [{ event: "case-note.recorded", where: { noteType: "managers-decision" } }],
      window: "until-next-stage",
    },
    notes:
      "Oversight 'will always be provided' at: allocation; following the introductory visit; completion of the " +
      "wellbeing assessment; following the initial planning meeting and the first plan, and each update of the plan " +
      "(plans and formal reviews); transfers; closure. The procedure sets no timescale, so oversight at a point is " +
      "missing once the next point comes (or the case closes) without it.",
  },
  {
    id: "case-closure",
    kind: "check",
    name: "Ready to close: ending, letter and a complete case file",
    citation: cite("9"),
    on: [{ event: "closure.requested" }],
    items: [
      { id: "ending-meeting", label: "An ending meeting with the family and the team around the child has been held" },
      {
        id: "closure-letter",
        label: "A closure letter with the final wellbeing plan and the closure summary has gone to the family",
      },
      { id: "feedback-forms", label: "The family has been given feedback forms (§11)" },
      {
        id: "case-file",
        label:
          "The case file holds what §10 lists: referral with written consent, assessment, plan and updates, visits, " +
          "minutes, letters, direct work, summaries, supervision notes and management oversight",
      },
    ],
    notes: "A manager closes the case record when the case recordings are completed to a good standard (§9).",
  },
  {
    id: "transfer-panel-meeting",
    kind: "schedule",
    name: "Hold the transfer panel",
    citation: cite("2"),
    every: "week",
    weekday: 3,
    // Held on the next working day when its day is a bank holiday or closure day, not missed that week.
    onNonWorkingDay: "next-working-day",
    notes:
      "Weekly, chaired by a service manager. The procedure does not fix the day: Wednesday is this profile's setting.",
  },
];
