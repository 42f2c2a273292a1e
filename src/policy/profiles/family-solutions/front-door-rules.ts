import { allocated, cite, newRequest, type RuleInput } from "./rule-parts.js";

/** Sections 1–3: the front door, screening and the Multi Agency Action Meeting. */
export const frontDoorRules: RuleInput[] = [
  {
    id: "1.1",
    kind: "clock",
    name: "Present the case at the Multi Agency Action Meeting",
    citation: cite("1.1"),
    // A step-down from Social Care goes straight to allocation (6.1), never to screening or MAAM.
    start: [{ event: "contact.received", where: { followUp: false, kind: { not: "step-down-from-social-care" } } }],
    stop: [{ event: "maam.decided" }],
    maximum: { amount: 15, unit: "calendar-days" },
    cancelledBy: [{ event: "screening.decided", where: { outcome: { not: "maam" } } }],
    notes:
      "Runs from receipt in the group mailbox; cancelled when screening sends the case anywhere but MAAM. Not for " +
      "a step-down from Social Care, which is allocated without screening (6.1).",
  },
  {
    id: "1.2",
    kind: "clock",
    name: "Acknowledge the referrer",
    citation: cite("1.2"),
    start: [newRequest],
    // A letter already returned when it was recorded sent (the bounce came first) reached nobody.
    stop: [{ event: "acknowledgement.sent", where: { returned: { not: true } } }],
    reopenedBy: [{ event: "acknowledgement.not-delivered" }],
    correlateBy: "contactId",
    expected: { amount: 1, unit: "working-days" },
    maximum: { amount: 3, unit: "calendar-days" },
    appliesTo: { excludeCaseKinds: ["dart"] },
    notes:
      "To the professional who referred in the first instance (for Front Door contacts, whoever submitted into " +
      "Front Door, not the Early Help Desk). Confirms receipt and says when the screening outcome will be sent.",
  },
  {
    id: "1.3",
    kind: "clock",
    name: "Log the contact",
    citation: cite("1.3"),
    // Logging a contact is writing its `contact.received` event: the clock runs from receipt (`at`) to the record.
    measure: "recording-delay",
    start: [newRequest],
    stop: [newRequest],
    correlateBy: "contactId",
    expected: { amount: 0, unit: "working-days" },
    notes:
      "Every request for support: EHAs, Requests for Support, DARTs, other Front Door contacts and walk-ins that " +
      "need action (entered by hand). The framework sets no timescale; 'immediate' is read as the same working day. " +
      "Met when the contact is logged: at once for email, when entered for a walk-in.",
  },
  {
    id: "2.1",
    kind: "schedule",
    name: "Hold screening",
    citation: cite("2.1"),
    every: "working-day",
    notes: "Every contact awaiting screening is on the next agenda.",
  },
  {
    id: "2.2",
    kind: "clock",
    name: "Send the screening outcome to the referrer",
    citation: cite("2.2"),
    start: [{ event: "screening.decided" }],
    stop: [{ event: "screening-outcome.sent" }],
    expected: { amount: 1, unit: "working-days" },
    maximum: { amount: 3, unit: "calendar-days" },
    appliesTo: { excludeCaseKinds: ["dart"] },
    notes: "To the original referrer; when the case goes to MAAM, the email says so.",
  },
  {
    id: "2.3",
    kind: "clock",
    name: "Allocate a worker after a step-down to Early Help",
    citation: cite("2.3"),
    start: [{ event: "screening.decided", where: { outcome: "step-down-early-help" } }],
    stop: [allocated],
    maximum: { amount: 24, unit: "hours" },
  },
  {
    id: "maam-meeting",
    kind: "schedule",
    name: "Hold the Multi Agency Action Meeting",
    citation: cite("3"),
    every: "week",
    weekday: 2,
    // Held on the next working day when its day is a bank holiday or closure day, not missed that week.
    onNonWorkingDay: "next-working-day",
    notes:
      "The framework does not fix the day: weekly on Tuesday is this profile's setting (change `weekday` to " +
      "move it). Meeting weekly keeps 1.1's maximum achievable for every case screened to MAAM.",
  },
  {
    id: "3.1",
    kind: "clock",
    name: "Send the MAAM outcome to the referrer",
    citation: cite("3.1"),
    start: [{ event: "maam.decided" }],
    stop: [{ event: "maam-outcome.sent" }],
    expected: { amount: 1, unit: "working-days" },
    maximum: { amount: 3, unit: "calendar-days" },
  },
  {
    id: "3.2",
    kind: "clock",
    name: "Allocate to a Family Solutions Practitioner after MAAM",
    citation: cite("3.2"),
    start: [{ event: "maam.decided", where: { outcome: "allocate" } }],
    stop: [allocated],
    expected: { amount: 2, unit: "working-days" },
    maximum: { amount: 5, unit: "calendar-days" },
    cancelledBy: [{ event: "maam.decided", where: { outcome: { not: "allocate" } } }],
    notes: "Otherwise the case waits on the Pre-Allocation List (3.3).",
  },
  {
    id: "3.3",
    kind: "clock",
    name: "Contact the family each week while on the Pre-Allocation List",
    citation: cite("3.3"),
    start: [{ event: "maam.decided", where: { outcome: "pre-allocation-list" } }],
    stop: [{ event: "pre-allocation.contact-recorded" }],
    maximum: { amount: 7, unit: "calendar-days" },
    recurrence: { restartOn: "stop", until: [allocated] },
    notes: "A duty worker's contact with the family, recorded on a case note; each contact starts the next week.",
  },
];
