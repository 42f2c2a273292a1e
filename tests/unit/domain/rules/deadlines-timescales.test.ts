import { describe, expect, it } from "vitest";
import type { Calendar } from "../../../../src/domain/calendar/calendar.js";
import type { ContactKind } from "../../../../src/domain/contact.js";
import { deadlines, practitionerDeadlines } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { at, calendar, calendarWithChristmasClosure, caseOf, inOrder, type LoggedEvent } from "./clock-fixtures.js";

interface Row {
  readonly rule: string;
  /** What the row proves about the time conventions. */
  readonly when: string;
  readonly events: readonly LoggedEvent[];
  readonly kind?: ContactKind;
  readonly calendar?: Calendar;
  readonly expected?: string;
  readonly maximum?: string;
}

const received = (instant: string, kind: ContactKind = "request-for-support") =>
  at("contact.received", instant, { contactId: "c1", kind, followUp: false });
const allocatedLead = (instant: string) => at("case.allocated", instant, { workerId: "w1", role: "lead" });
const NOW = new Date("2026-01-01T00:00:00.000Z");

/** Rows for the case clocks; each names its rule and pins the due instants as literal UTC strings. */
const familySolutions: Row[] = [
  {
    rule: "1.1",
    when: "15 calendar days from Christmas Eve, through New Year",
    events: [received("2026-12-24T16:00:00.000Z")],
    maximum: "2027-01-08T23:59:59.999Z",
  },
  {
    rule: "1.2",
    when: "Christmas Eve 16:00: next working day is Tue 29th, after the maximum (both as computed)",
    events: [received("2026-12-24T16:00:00.000Z")],
    expected: "2026-12-29T23:59:59.999Z",
    maximum: "2026-12-27T23:59:59.999Z",
  },
  {
    rule: "1.2",
    when: "Christmas Eve with a 29–31 Dec shutdown: expected runs to Mon 4 Jan",
    events: [received("2026-12-24T16:00:00.000Z")],
    calendar: calendarWithChristmasClosure,
    expected: "2027-01-04T23:59:59.999Z",
    maximum: "2026-12-27T23:59:59.999Z",
  },
  {
    rule: "1.2",
    when: "23:30 BST belongs to that London day",
    events: [received("2026-06-10T22:30:00.000Z")],
    expected: "2026-06-11T22:59:59.999Z",
    maximum: "2026-06-13T22:59:59.999Z",
  },
  {
    rule: "1.2",
    when: "00:30 BST belongs to the next London day",
    events: [received("2026-06-10T23:30:00.000Z")],
    expected: "2026-06-12T22:59:59.999Z",
    maximum: "2026-06-14T22:59:59.999Z",
  },
  {
    rule: "1.2",
    when: "Friday 23:30 GMT: next working day is Monday",
    events: [received("2026-01-16T23:30:00.000Z")],
    expected: "2026-01-19T23:59:59.999Z",
    maximum: "2026-01-19T23:59:59.999Z",
  },
  {
    rule: "1.2",
    when: "received on a Saturday: the next working day is Monday",
    events: [received("2026-01-17T10:00:00.000Z")],
    expected: "2026-01-19T23:59:59.999Z",
    maximum: "2026-01-20T23:59:59.999Z",
  },
  {
    rule: "1.3",
    when: "immediate: the same working day",
    events: [received("2026-12-24T16:00:00.000Z")],
    expected: "2026-12-24T23:59:59.999Z",
  },
  {
    rule: "1.3",
    when: "immediate, received 00:30 on a Saturday: Monday",
    events: [received("2026-01-17T00:30:00.000Z")],
    expected: "2026-01-19T23:59:59.999Z",
  },
  {
    rule: "2.2",
    when: "New Year's Eve: 1 Jan is a bank holiday, so Mon 4 Jan, after the maximum",
    events: [at("screening.decided", "2026-12-31T11:00:00.000Z", { outcome: "maam" })],
    expected: "2027-01-04T23:59:59.999Z",
    maximum: "2027-01-03T23:59:59.999Z",
  },
  {
    rule: "2.3",
    when: "24 hours across the spring clock change",
    events: [at("screening.decided", "2026-03-28T12:00:00.000Z", { outcome: "step-down-early-help" })],
    maximum: "2026-03-29T12:00:00.000Z",
  },
  {
    rule: "3.1",
    when: "3 calendar days ending on the first BST day",
    events: [at("maam.decided", "2026-03-26T10:00:00.000Z", { outcome: "signpost" })],
    expected: "2026-03-27T23:59:59.999Z",
    maximum: "2026-03-29T22:59:59.999Z",
  },
  {
    rule: "3.2",
    when: "over Easter 2027: 2 working days outrun 5 calendar days",
    events: [at("maam.decided", "2027-03-25T11:00:00.000Z", { outcome: "allocate" })],
    expected: "2027-03-31T22:59:59.999Z",
    maximum: "2027-03-30T22:59:59.999Z",
  },
  {
    rule: "3.3",
    when: "7 calendar days",
    events: [at("maam.decided", "2026-09-01T10:00:00.000Z", { outcome: "pre-allocation-list" })],
    maximum: "2026-09-08T22:59:59.999Z",
  },
  {
    rule: "4.1a",
    when: "2 calendar days ending on the autumn clock-change day (GMT)",
    events: [allocatedLead("2026-10-23T15:00:00.000Z")],
    maximum: "2026-10-25T23:59:59.999Z",
  },
  {
    rule: "4.1b",
    when: "5 working days over Easter 2027",
    events: [at("initial-contact.made", "2027-03-25T10:00:00.000Z", {})],
    maximum: "2027-04-05T22:59:59.999Z",
  },
  {
    rule: "4.3",
    when: "4 calendar weeks",
    events: [allocatedLead("2026-02-02T10:00:00.000Z")],
    maximum: "2026-03-02T23:59:59.999Z",
  },
  {
    rule: "5.1a",
    when: "42 calendar days",
    events: [allocatedLead("2026-02-02T10:00:00.000Z")],
    maximum: "2026-03-16T23:59:59.999Z",
  },
  {
    rule: "5.1b",
    when: "42 calendar days, into BST",
    events: [at("plan.completed", "2026-03-16T10:00:00.000Z", {})],
    maximum: "2026-04-27T22:59:59.999Z",
  },
  {
    rule: "6.1",
    when: "48 hours across the autumn clock change",
    kind: "step-down-from-social-care",
    events: [received("2026-10-24T10:00:00.000Z", "step-down-from-social-care")],
    maximum: "2026-10-26T10:00:00.000Z",
  },
  {
    rule: "7.1",
    when: "over Easter 2027, 2 working days fall after 5 calendar days",
    events: [at("wraparound.requested", "2027-03-24T09:00:00.000Z", {})],
    expected: "2027-03-30T22:59:59.999Z",
    maximum: "2027-03-29T22:59:59.999Z",
  },
  {
    rule: "8.1",
    when: "3 calendar days across the spring clock change",
    events: [at("closure.requested", "2026-03-26T15:00:00.000Z", { checklist: {} })],
    maximum: "2026-03-29T22:59:59.999Z",
  },
  {
    rule: "10.1",
    when: "end of the next working day after a Friday visit",
    events: [at("visit.completed", "2026-11-06T15:00:00.000Z", { childSeen: true }, "2026-11-06T16:00:00.000Z")],
    maximum: "2026-11-09T23:59:59.999Z",
  },
  {
    rule: "11.1",
    when: "3 calendar days",
    events: [at("assessment.completed", "2026-05-01T10:00:00.000Z", {})],
    maximum: "2026-05-04T22:59:59.999Z",
  },
  {
    rule: "11.1m",
    when: "a calendar month from 30 January is the end of February",
    events: [allocatedLead("2026-01-30T10:00:00.000Z")],
    maximum: "2026-02-28T23:59:59.999Z",
  },
  {
    rule: "11.2",
    when: "next working day after a Friday before the spring bank holiday",
    events: [at("case-note.recorded", "2026-05-22T16:00:00.000Z", { noteType: "supervision-discussion" })],
    maximum: "2026-05-26T22:59:59.999Z",
  },
];

const bexley: Row[] = [
  {
    rule: "front-door-decision",
    when: "24 hours across the spring clock change",
    events: [received("2026-03-28T23:30:00.000Z")],
    maximum: "2026-03-29T23:30:00.000Z",
  },
  {
    rule: "acknowledgement",
    when: "1 working day (local practice) from Christmas Eve 16:00: the end of Tue 29th",
    events: [received("2026-12-24T16:00:00.000Z")],
    maximum: "2026-12-29T23:59:59.999Z",
  },
  {
    rule: "outcome-letter",
    when: "1 working day (local practice) from a review on Friday: the end of Monday",
    events: [at("screening.decided", "2026-11-27T16:00:00.000Z", { outcome: "accept" })],
    maximum: "2026-11-30T23:59:59.999Z",
  },
  {
    rule: "threshold-dispute",
    when: "24 hours from 00:30 BST on the autumn clock-change day",
    events: [at("threshold.disputed", "2026-10-24T23:30:00.000Z", {})],
    maximum: "2026-10-25T23:30:00.000Z",
  },
  {
    rule: "allocation",
    when: "24 hours over Christmas Day",
    events: [at("screening.decided", "2026-12-24T16:00:00.000Z", { outcome: "accept" })],
    maximum: "2026-12-25T16:00:00.000Z",
  },
  {
    rule: "introductory-visit",
    when: "5 calendar days over Christmas",
    events: [allocatedLead("2026-12-24T16:00:00.000Z")],
    maximum: "2026-12-29T23:59:59.999Z",
  },
  {
    rule: "wellbeing-assessment",
    when: "20 calendar days over New Year",
    events: [at("screening.decided", "2026-12-24T16:00:00.000Z", { outcome: "accept" })],
    maximum: "2027-01-13T23:59:59.999Z",
  },
  {
    rule: "signposting-handover",
    when: "5 working days over Christmas and New Year",
    events: [at("signposting.agreed", "2026-12-23T10:00:00.000Z", {})],
    maximum: "2027-01-04T23:59:59.999Z",
  },
  {
    rule: "signposting-handover",
    when: "5 working days with a 29–31 Dec shutdown",
    events: [at("signposting.agreed", "2026-12-23T10:00:00.000Z", {})],
    calendar: calendarWithChristmasClosure,
    maximum: "2027-01-07T23:59:59.999Z",
  },
  {
    rule: "visits",
    when: "4 calendar weeks across the autumn clock change",
    events: [at("plan.completed", "2026-10-01T09:00:00.000Z", {})],
    maximum: "2026-10-29T23:59:59.999Z",
  },
  {
    rule: "reviews",
    when: "3 calendar months from 30 November is the end of February",
    events: [at("plan.completed", "2026-11-30T10:00:00.000Z", {})],
    maximum: "2027-02-28T23:59:59.999Z",
  },
  {
    rule: "out-of-hours-message",
    when: "a message left on Christmas Eve evening: answered by the end of Tuesday 29th, after the bank holidays",
    events: [
      at("contact.received", "2026-12-24T18:30:00.000Z", {
        contactId: "c1",
        kind: "request-for-support",
        followUp: false,
        outOfHours: true,
      }),
    ],
    maximum: "2026-12-29T23:59:59.999Z",
  },
  {
    rule: "lado-notification",
    when: "24 hours from the concern, across the spring clock change (seed 004)",
    events: [at("allegation.recorded", "2026-03-28T15:00:00.000Z", { note: "Coach." })],
    maximum: "2026-03-29T15:00:00.000Z",
  },
  {
    rule: "lado-response",
    when: "24 working hours from Christmas Eve 15:00: 2 h that day, 8 h on 29 and 30 Dec, 6 h on 31 Dec",
    events: [at("lado.notified", "2026-12-24T15:00:00.000Z", { note: "Form sent." })],
    maximum: "2026-12-31T15:00:00.000Z",
  },
  {
    rule: "lead-worker-after-panel",
    when: "one week of the transfer panel (seed 000), over Christmas",
    kind: "step-down-from-social-care",
    events: [
      at("transfer-panel.decided", "2026-12-23T11:00:00.000Z", { outcome: "transfer", direction: "to-early-help" }),
    ],
    maximum: "2026-12-30T23:59:59.999Z",
  },
  {
    rule: "visit-recording",
    when: "24 hours exactly, whatever the clocks do",
    events: [at("visit.completed", "2026-03-28T12:00:00.000Z", { childSeen: true }, "2026-03-29T13:00:00.000Z")],
    maximum: "2026-03-29T12:00:00.000Z",
  },
];

describe.each([
  ["family-solutions", familySolutions],
  ["bexley", bexley],
] as const)("the %s profile's case clocks", (profileId, rows) => {
  const profile = loadProfile(profileId);

  it.each(rows)("rule $rule: $when", (row) => {
    const kase = caseOf(row.kind ?? "request-for-support", row.events);
    const first = deadlines(kase, profile, row.calendar ?? calendar, NOW).find(
      (d) => d.ruleId === row.rule && d.instance === 1,
    );
    expect(first?.startedAt).toBe(row.events[0]?.at);
    expect(first?.expected?.at).toBe(row.expected);
    expect(first?.maximum?.at).toBe(row.maximum);
  });

  it("has a row for every case clock of the profile", () => {
    const clockIds = profile.rules.filter((r) => r.kind === "clock" && r.subject === "case").map((r) => r.id);
    expect(new Set(rows.map((r) => r.rule))).toEqual(new Set(clockIds));
  });
});

describe("rule 11.6 supervision (a practitioner's clock)", () => {
  it("is due 4 calendar weeks after the last supervision, across the autumn clock change", () => {
    const events = inOrder([at("supervision.recorded", "2026-10-01T09:00:00.000Z", { practitionerId: "p1" })]);
    const [first] = practitionerDeadlines("p1", events, loadProfile("family-solutions"), calendar, NOW);
    expect(first).toMatchObject({ ruleId: "11.6", instance: 1, maximum: { at: "2026-10-29T23:59:59.999Z" } });
    expect(first?.expected).toBeUndefined();
  });
});
