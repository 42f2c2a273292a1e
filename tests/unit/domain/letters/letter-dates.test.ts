import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import {
  clockRuleStoppedBy,
  longDate,
  maamBy,
  ruleAppliesTo,
  screeningOutcomeBy,
} from "../../../../src/domain/letters/letter-dates.js";
import type { ClockRule, Profile } from "../../../../src/domain/rules/profile-schema.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";

const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");
const bankHolidays = englandAndWalesBankHolidays(2026, 2027);
const london = createCalendar({ bankHolidays });
const at = (iso: string): Date => new Date(iso);

/** Family Solutions with one rule changed, to prove the dates come from the profile. */
const withRule = (id: string, change: (rule: ClockRule) => ClockRule): Profile => ({
  ...familySolutions,
  rules: familySolutions.rules.map((rule) => (rule.kind === "clock" && rule.id === id ? change(rule) : rule)),
});

const rule = (profile: Profile, id: string): ClockRule => {
  const found = profile.rules.find((r): r is ClockRule => r.kind === "clock" && r.id === id);
  if (found === undefined) throw new Error(`no clock rule ${id}`);
  return found;
};

describe("rule 1.2: the acknowledgement says when the screening outcome will be sent (2.1 then 2.2)", () => {
  it.each([
    ["on a Monday: screened Tuesday, 3 calendar days on", "2026-11-23T10:00:00Z", "2026-11-27"],
    ["on a Thursday: screened Friday, due over the weekend on Monday", "2026-11-26T10:00:00Z", "2026-11-30"],
    ["on a Friday afternoon: screened Monday", "2026-11-27T16:00:00Z", "2026-12-03"],
    ["on a Saturday: screened Monday", "2026-11-28T12:00:00Z", "2026-12-03"],
    ["late on a Sunday (GMT): screened Monday", "2026-11-29T23:30:00Z", "2026-12-03"],
    ["at 00:30 BST on a Friday, 23:30 UTC on the Thursday: screened Monday", "2026-06-04T23:30:00Z", "2026-06-11"],
    [
      "on Christmas Eve: screened Tuesday 29 Dec after 25 Dec and the 28 Dec substitute; due New Year's Day",
      "2026-12-24T10:00:00Z",
      "2026-12-31",
    ],
    ["on Christmas Day", "2026-12-25T10:00:00Z", "2026-12-31"],
    ["on the Boxing Day substitute, 28 Dec", "2026-12-28T10:00:00Z", "2026-12-31"],
    ["on 30 Dec: screened 31 Dec, due on Sunday 3 Jan after New Year's Day", "2026-12-30T10:00:00Z", "2026-12-31"],
    [
      "on New Year's Eve: screened Monday 4 Jan after New Year's Day and the weekend",
      "2026-12-31T10:00:00Z",
      "2027-01-07",
    ],
  ])("received %s -> %s", (_label, received, expected) => {
    expect(screeningOutcomeBy(familySolutions, london, at(received))).toBe(expected);
  });

  it("skips the Family Centre's closure days when finding the next screening", () => {
    const trainingDay = createCalendar({ bankHolidays, closureDays: [{ date: "2026-11-30", name: "Staff training" }] });
    // Received Friday; Monday is closed, so screening is Tuesday 1 Dec and the outcome is due 3 calendar days on.
    expect(screeningOutcomeBy(familySolutions, trainingDay, at("2026-11-27T16:00:00Z"))).toBe("2026-12-04");
    expect(screeningOutcomeBy(familySolutions, london, at("2026-11-27T16:00:00Z"))).toBe("2026-12-03");
  });

  it("skips a Christmas shutdown between the bank holidays", () => {
    const shutdown = createCalendar({
      bankHolidays,
      closureDays: ["2026-12-29", "2026-12-30", "2026-12-31"].map((date) => ({ date, name: "Christmas shutdown" })),
    });
    expect(screeningOutcomeBy(familySolutions, shutdown, at("2026-12-24T10:00:00Z"))).toBe("2027-01-07");
  });

  it("promises 2.2's maximum, read from the profile", () => {
    const fourDays = withRule("2.2", (r) => ({ ...r, maximum: { amount: 4, unit: "calendar-days" } }));
    expect(screeningOutcomeBy(fourDays, london, at("2026-11-27T16:00:00Z"))).toBe("2026-12-04");
  });

  it("promises a working day: an acknowledgement of 24 Dec 2026 never promises Friday 1 January 2027", () => {
    const promised = screeningOutcomeBy(familySolutions, london, at("2026-12-24T10:00:00Z"));
    expect(promised).toBe("2026-12-31");
    expect(longDate(promised ?? "")).toBe("Thursday 31 December 2026");
  });

  it("promises the working day before a maximum that falls on a weekend", () => {
    const fiveDays = withRule("2.2", (r) => ({ ...r, maximum: { amount: 5, unit: "calendar-days" } }));
    // Screened Monday 30 Nov; five calendar days on is Saturday 5 Dec, so the promise is Friday 4 Dec.
    expect(screeningOutcomeBy(fiveDays, london, at("2026-11-27T16:00:00Z"))).toBe("2026-12-04");
  });

  it("promises 2.2's expectation when the profile sets no maximum", () => {
    const expectedOnly = withRule("2.2", ({ maximum: _maximum, ...r }) => r);
    // Screened Monday 30 Nov; one working day on is Tuesday.
    expect(screeningOutcomeBy(expectedOnly, london, at("2026-11-27T16:00:00Z"))).toBe("2026-12-01");
  });

  it("has no date to promise under a profile with no screening-outcome rule", () => {
    const noOutcomeLetter = { ...familySolutions, rules: familySolutions.rules.filter((r) => r.id !== "2.2") };
    expect(screeningOutcomeBy(noOutcomeLetter, london, at("2026-11-27T16:00:00Z"))).toBeUndefined();
  });

  it("promises Bexley's decision a working day after the duty manager's review (local practice)", () => {
    // Received Friday; reviewed Monday 30 Nov; the outcome letter within 1 working day: Tuesday 1 December.
    expect(screeningOutcomeBy(bexley, london, at("2026-11-27T16:00:00Z"))).toBe("2026-12-01");
  });
});

describe("rule 1.1: the latest date the case is presented at MAAM", () => {
  it.each([
    ["a Friday: 15 calendar days fall on Saturday 12 Dec, so Friday 11 Dec", "2026-11-27T10:00:00Z", "2026-12-11"],
    ["Christmas Eve: bank holidays count as calendar days", "2026-12-24T10:00:00Z", "2027-01-08"],
    ["00:30 BST on a Friday, 23:30 UTC on the Thursday: Saturday 20 June, so 19", "2026-06-04T23:30:00Z", "2026-06-19"],
  ])("from a contact received on %s", (_label, received, expected) => {
    expect(maamBy(familySolutions, london, at(received))).toBe(expected);
  });

  it("reads the 15 days from the profile", () => {
    const tenDays = withRule("1.1", (r) => ({ ...r, maximum: { amount: 10, unit: "calendar-days" } }));
    expect(maamBy(tenDays, london, at("2026-11-27T10:00:00Z"))).toBe("2026-12-07");
  });

  it("has no date under a profile with no MAAM rule (Bexley)", () => {
    expect(maamBy(bexley, london, at("2026-11-27T10:00:00Z"))).toBeUndefined();
  });
});

describe("dates as a letter says them", () => {
  it.each([
    ["2026-11-27", "Friday 27 November 2026"],
    ["2027-01-01", "Friday 1 January 2027"],
    ["2026-12-28", "Monday 28 December 2026"],
    ["2028-02-29", "Tuesday 29 February 2028"],
    ["2026-03-29", "Sunday 29 March 2026"],
  ])("writes %s as %s", (date, expected) => {
    expect(longDate(date)).toBe(expected);
  });

  it("refuses a date that does not exist rather than writing a wrong one", () => {
    expect(() => longDate("2026-02-30")).toThrow(expect.objectContaining({ code: "CALENDAR.INVALID_DATE" }));
  });
});

describe("finding a rule by the event that stops it", () => {
  it.each([
    ["acknowledgement.sent", "1.2"],
    ["screening-outcome.sent", "2.2"],
    ["maam.decided", "1.1"],
  ] as const)("finds the rule %s stops in Family Solutions: %s", (event, id) => {
    expect(clockRuleStoppedBy(familySolutions, event)?.id).toBe(id);
  });

  it("finds Bexley's acknowledgement and outcome letter rules", () => {
    expect(clockRuleStoppedBy(bexley, "acknowledgement.sent")?.id).toBe("acknowledgement");
    expect(clockRuleStoppedBy(bexley, "screening-outcome.sent")?.id).toBe("outcome-letter");
  });

  it("ignores a practitioner's clock (supervision) when looking for a case's", () => {
    const supervisionStops = familySolutions.rules.some(
      (r) =>
        r.kind === "clock" && r.subject === "practitioner" && r.stop.some((m) => m.event === "supervision.recorded"),
    );
    expect(supervisionStops).toBe(true);
    expect(clockRuleStoppedBy(familySolutions, "supervision.recorded")).toBeUndefined();
  });

  it("finds the rule whatever the profile calls it", () => {
    const renamed = withRule("1.2", (r) => ({ ...r, id: "acknowledge" }));
    expect(clockRuleStoppedBy(renamed, "acknowledgement.sent")?.id).toBe("acknowledge");
  });
});

describe("which case kinds a rule is for", () => {
  const acknowledgement = rule(familySolutions, "1.2");

  it.each(["early-help-assessment", "request-for-support", "front-door", "walk-in", "other"])(
    "runs 1.2 for a %s case",
    (kind) => {
      expect(ruleAppliesTo(acknowledgement, kind)).toBe(true);
    },
  );

  it("does not run 1.2 or 2.2 for a DART", () => {
    expect(ruleAppliesTo(acknowledgement, "dart")).toBe(false);
    expect(ruleAppliesTo(rule(familySolutions, "2.2"), "dart")).toBe(false);
  });

  it("runs a rule without appliesTo for every kind", () => {
    expect(ruleAppliesTo(rule(familySolutions, "1.1"), "dart")).toBe(true);
  });

  it("limits a rule to the kinds it lists, and an exclusion wins over a listing", () => {
    const wraparoundOnly: ClockRule = { ...acknowledgement, appliesTo: { caseKinds: ["wraparound-request"] } };
    expect(ruleAppliesTo(wraparoundOnly, "wraparound-request")).toBe(true);
    expect(ruleAppliesTo(wraparoundOnly, "early-help-assessment")).toBe(false);
    const both: ClockRule = {
      ...acknowledgement,
      appliesTo: { caseKinds: ["dart", "front-door"], excludeCaseKinds: ["dart"] },
    };
    expect(ruleAppliesTo(both, "dart")).toBe(false);
    expect(ruleAppliesTo(both, "front-door")).toBe(true);
  });
});
