import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import { dueAt } from "../../../../src/domain/rules/due-at.js";
import type { Timescale } from "../../../../src/domain/rules/timescale.js";

const bankHolidays = englandAndWalesBankHolidays(2025, 2028);
const calendar = createCalendar({ bankHolidays });
const due = (start: string, timescale: Timescale, on = calendar): string =>
  dueAt(new Date(start), timescale, on).toISOString();

type Case = [label: string, start: string, expected: string];

describe("hours are exact elapsed time from the instant (6.1: 48 hours; 2.3: 24 hours)", () => {
  it.each<Case>([
    ["24 hours across the spring clock change", "2026-03-28T12:00:00Z", "2026-03-29T12:00:00.000Z"],
    ["24 hours from 23:30 BST", "2026-06-10T22:30:00Z", "2026-06-11T22:30:00.000Z"],
  ])("%s", (_label, start, expected) => {
    expect(due(start, { amount: 24, unit: "hours" })).toBe(expected);
  });

  it("48 hours across the autumn clock change", () => {
    expect(due("2026-10-24T10:00:00Z", { amount: 48, unit: "hours" })).toBe("2026-10-26T10:00:00.000Z");
  });
});

describe("calendar days end at the end of the London day N days after the event (1.2 maximum: 3)", () => {
  it.each<Case>([
    ["Mon 10:00 → end of Thu", "2026-12-07T10:00:00Z", "2026-12-10T23:59:59.999Z"],
    ["Sat 26 Dec 2026 10:00 → end of Tue 29th", "2026-12-26T10:00:00Z", "2026-12-29T23:59:59.999Z"],
    ["Wed 23:30 BST → end of Sat", "2026-06-10T22:30:00Z", "2026-06-13T22:59:59.999Z"],
    ["Wed 00:30 BST (Tue 23:30 UTC) → end of Sat", "2026-06-09T23:30:00Z", "2026-06-13T22:59:59.999Z"],
    ["Thu 23:30 GMT → end of Sun", "2026-12-10T23:30:00Z", "2026-12-13T23:59:59.999Z"],
    ["Fri 00:30 GMT → end of Mon", "2026-12-11T00:30:00Z", "2026-12-14T23:59:59.999Z"],
    ["Fri before the spring change → end of Mon in BST", "2026-03-27T10:00:00Z", "2026-03-30T22:59:59.999Z"],
    ["Fri before the autumn change → end of Mon in GMT", "2026-10-23T09:00:00Z", "2026-10-26T23:59:59.999Z"],
  ])("%s", (_label, start, expected) => {
    expect(due(start, { amount: 3, unit: "calendar-days" })).toBe(expected);
  });
});

describe("calendar weeks are 7 calendar days (4.3: 4 calendar weeks)", () => {
  it("Mon 2 Mar 2026 → end of Mon 30 Mar, after the spring change", () => {
    expect(due("2026-03-02T10:00:00Z", { amount: 4, unit: "calendar-weeks" })).toBe("2026-03-30T22:59:59.999Z");
  });
});

describe("working days end at the end of the N-th working day after the event (1.2 expected: 1)", () => {
  it.each<Case>([
    ["Mon → end of Tue", "2026-12-07T10:00:00Z", "2026-12-08T23:59:59.999Z"],
    ["Fri → end of Mon", "2026-12-04T16:00:00Z", "2026-12-07T23:59:59.999Z"],
    ["Sat → end of Mon", "2026-12-05T10:00:00Z", "2026-12-07T23:59:59.999Z"],
    ["Sun 00:30 GMT → end of Mon", "2026-12-06T00:30:00Z", "2026-12-07T23:59:59.999Z"],
    ["Mon 00:30 BST (Sun 23:30 UTC) → end of Tue", "2026-06-14T23:30:00Z", "2026-06-16T22:59:59.999Z"],
    ["Christmas Eve 2026 → end of Tue 29th", "2026-12-24T10:00:00Z", "2026-12-29T23:59:59.999Z"],
    ["Sat 26 Dec 2026 → end of Tue 29th (substitute Boxing Day)", "2026-12-26T10:00:00Z", "2026-12-29T23:59:59.999Z"],
    ["New Year's Eve 2026 → end of Mon 4 Jan", "2026-12-31T10:00:00Z", "2027-01-04T23:59:59.999Z"],
    ["Maundy Thursday 2027 → end of Tue after Easter", "2027-03-25T10:00:00Z", "2027-03-30T22:59:59.999Z"],
    ["Christmas Eve 2027 → end of Wed 29th (two substitute days)", "2027-12-24T10:00:00Z", "2027-12-29T23:59:59.999Z"],
  ])("%s", (_label, start, expected) => {
    expect(due(start, { amount: 1, unit: "working-days" })).toBe(expected);
  });

  it("4.1b five working days from Fri 18 Dec 2026 → end of Tue 29th", () => {
    expect(due("2026-12-18T10:00:00Z", { amount: 5, unit: "working-days" })).toBe("2026-12-29T23:59:59.999Z");
  });

  it("skips a Family Centre's Christmas shutdown", () => {
    const shutdown = createCalendar({
      bankHolidays,
      closureDays: ["2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31"].map((date) => ({
        date,
        name: "Christmas shutdown",
      })),
    });
    expect(due("2026-12-18T10:00:00Z", { amount: 5, unit: "working-days" }, shutdown)).toBe("2027-01-05T23:59:59.999Z");
  });

  it.each<Case>([
    ["a working day → its own end", "2026-12-07T10:00:00Z", "2026-12-07T23:59:59.999Z"],
    ["a Saturday → end of the next working day", "2026-12-26T10:00:00Z", "2026-12-29T23:59:59.999Z"],
  ])("zero working days from %s", (_label, start, expected) => {
    expect(due(start, { amount: 0, unit: "working-days" })).toBe(expected);
  });

  it("3.2 over Easter 2027: the expectation (2 working days) falls after the maximum (5 calendar days)", () => {
    const start = "2027-03-25T10:00:00Z";
    expect(due(start, { amount: 2, unit: "working-days" })).toBe("2027-03-31T22:59:59.999Z");
    expect(due(start, { amount: 5, unit: "calendar-days" })).toBe("2027-03-30T22:59:59.999Z");
  });
});

describe("calendar months end at the end of the same date N months on, clamped to the month's end", () => {
  it.each<[label: string, start: string, expected: string, months: number]>([
    ["31 Jan 2027 + 1 → end of 28 Feb", "2027-01-31T10:00:00Z", "2027-02-28T23:59:59.999Z", 1],
    ["15 Jul 2026 + 3 → end of 15 Oct (BST)", "2026-07-15T09:00:00Z", "2026-10-15T22:59:59.999Z", 3],
    ["30 Nov 2026 + 3 → end of 28 Feb", "2026-11-30T10:00:00Z", "2027-02-28T23:59:59.999Z", 3],
  ])("%s", (_label, start, expected, amount) => {
    expect(due(start, { amount, unit: "calendar-months" })).toBe(expected);
  });
});

describe("a start that is not a point in time", () => {
  it("is refused for hour-based rules too", () => {
    expect(() => dueAt(new Date("garbage"), { amount: 24, unit: "hours" }, calendar)).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_INSTANT" }),
    );
  });
});
