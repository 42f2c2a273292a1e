import { describe, expect, it } from "vitest";
import { reportFacts } from "../../../src/app/report-facts.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { aCase, closureReady } from "../../../dev/builders/case-builder.js";

const profile = loadProfile("family-solutions");
const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2025, 2028) });

/** Allocated on 1 May 2026, put forward for closure on 1 June and signed off on 2 June, with no EHA or plan. */
const signedOff = aCase()
  .receivedAt("2026-05-01T09:00:00.000Z")
  .allocatedOn("2026-05-01T10:00:00.000Z")
  .then(
    { type: "requestClosure", checklist: closureReady(), summary: "Goals met." },
    { at: "2026-06-01T10:00:00.000Z" },
  )
  .then({ type: "signOffClosure", endDate: "2026-06-02" }, { at: "2026-06-02T10:00:00.000Z" })
  .build();
const outcomes = reportFacts(signedOff, profile, calendar, new Date("2026-07-01T09:00:00.000Z")).clockOutcomes;
const of = (rule: string) => outcomes.filter((o) => o.rule === rule);

describe("what a closed case contributes to compliance", () => {
  it("4.3 stays breached in compliance when a case past its maximum is signed off", () => {
    expect(of("4.3")).toEqual([
      {
        caseId: signedOff.id,
        rule: "4.3",
        instance: 1,
        finishedOn: "2026-06-02",
        outcome: "late",
        unmet: true,
        withinMaximum: false,
      },
    ]);
  });

  it("11.1m, a month without oversight by the sign-off, is counted late and unmet", () => {
    expect(of("11.1m")).toMatchObject([{ outcome: "late", unmet: true, withinMaximum: false }]);
  });

  it("5.1a, within its maximum at sign-off, is counted cancelled", () => {
    expect(of("5.1a")).toMatchObject([{ outcome: "cancelled", finishedOn: "2026-06-02" }]);
  });

  it("11.1 oversight of the closure, still owed after sign-off, is not counted until it is met", () => {
    expect(of("11.1")).toEqual([]);
  });
});
