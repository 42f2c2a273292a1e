import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import type { ClosureDay } from "../../../../src/domain/calendar/calendar.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";

const bankHolidays = englandAndWalesBankHolidays(2025, 2028);
const london = createCalendar({ bankHolidays });
const christmasShutdown: ClosureDay[] = [
  { date: "2026-12-24", name: "Christmas shutdown" },
  { date: "2026-12-25", name: "Christmas shutdown" },
  { date: "2026-12-26", name: "Christmas shutdown" },
  { date: "2026-12-29", name: "Christmas shutdown" },
  { date: "2026-12-30", name: "Christmas shutdown" },
  { date: "2026-12-31", name: "Christmas shutdown" },
];
const withShutdown = createCalendar({ bankHolidays, closureDays: christmasShutdown });
const at = (iso: string): Date => new Date(iso);

describe("time conventions: instants are UTC, days are London days", () => {
  it.each([
    ["23:30 BST", "2026-06-10T22:30:00Z", "2026-06-10"],
    ["00:30 BST, 23:30 UTC the day before", "2026-06-09T23:30:00Z", "2026-06-10"],
    ["23:30 GMT", "2026-12-10T23:30:00Z", "2026-12-10"],
    ["00:30 GMT", "2026-12-11T00:30:00Z", "2026-12-11"],
    ["00:30 GMT on the spring change day, before 01:00", "2026-03-29T00:30:00Z", "2026-03-29"],
    ["00:30 BST the day after the spring change", "2026-03-29T23:30:00Z", "2026-03-30"],
    ["00:30 BST on the autumn change day", "2026-10-24T23:30:00Z", "2026-10-25"],
    ["23:30 GMT on the autumn change day", "2026-10-25T23:30:00Z", "2026-10-25"],
  ])("puts an event at %s (%s) on London date %s", (_label, instant, date) => {
    expect(london.localDate(at(instant))).toBe(date);
  });

  it.each([
    ["a winter day", "2026-12-10", "2026-12-10T00:00:00.000Z", "2026-12-10T23:59:59.999Z"],
    ["a summer day", "2026-06-10", "2026-06-09T23:00:00.000Z", "2026-06-10T22:59:59.999Z"],
    ["the 23-hour spring change day 2026", "2026-03-29", "2026-03-29T00:00:00.000Z", "2026-03-29T22:59:59.999Z"],
    ["the 25-hour autumn change day 2026", "2026-10-25", "2026-10-24T23:00:00.000Z", "2026-10-25T23:59:59.999Z"],
    ["the spring change day 2027", "2027-03-28", "2027-03-28T00:00:00.000Z", "2027-03-28T22:59:59.999Z"],
    ["the autumn change day 2027", "2027-10-31", "2027-10-30T23:00:00.000Z", "2027-10-31T23:59:59.999Z"],
  ])("starts and ends %s at London midnight", (_label, date, start, end) => {
    expect(london.startOfDay(date).toISOString()).toBe(start);
    expect(london.endOfDay(date).toISOString()).toBe(end);
  });

  it("uses another time zone when configured", () => {
    const utc = createCalendar({ bankHolidays, timeZone: "UTC" });
    expect(utc.timeZone).toBe("UTC");
    expect(utc.localDate(at("2026-06-09T23:30:00Z"))).toBe("2026-06-09");
    expect(london.timeZone).toBe("Europe/London");
  });
});

describe("working days are Monday to Friday, less bank holidays and closure days", () => {
  it.each([
    ["2026-12-24", undefined],
    ["2026-12-25", { reason: "bank-holiday", name: "Christmas Day" }],
    ["2026-12-26", { reason: "weekend", name: "Saturday" }],
    ["2026-12-27", { reason: "weekend", name: "Sunday" }],
    ["2026-12-28", { reason: "bank-holiday", name: "Boxing Day (substitute day)" }],
    ["2026-12-29", undefined],
    ["2027-01-01", { reason: "bank-holiday", name: "New Year's Day" }],
    ["2027-03-26", { reason: "bank-holiday", name: "Good Friday" }],
    ["2027-03-29", { reason: "bank-holiday", name: "Easter Monday" }],
    ["2027-12-27", { reason: "bank-holiday", name: "Christmas Day (substitute day)" }],
    ["2027-12-28", { reason: "bank-holiday", name: "Boxing Day (substitute day)" }],
  ])("treats %s as %o", (date, reason) => {
    expect(london.nonWorkingReason(date)).toEqual(reason && { date, ...reason });
    expect(london.isWorkingDay(date)).toBe(reason === undefined);
  });

  it("treats a Family Centre's closure day as not a working day", () => {
    expect(withShutdown.nonWorkingReason("2026-12-24")).toEqual({
      date: "2026-12-24",
      reason: "closure-day",
      name: "Christmas shutdown",
    });
    expect(withShutdown.isWorkingDay("2026-12-30")).toBe(false);
    expect(london.isWorkingDay("2026-12-30")).toBe(true);
  });

  it("names the bank holiday when a closure falls on one", () => {
    expect(withShutdown.nonWorkingReason("2026-12-25")?.reason).toBe("bank-holiday");
  });

  it("works Saturdays when a centre opens on them", () => {
    const sixDays = createCalendar({ bankHolidays, workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.isWorkingDay("2026-12-05")).toBe(true);
    expect(sixDays.addWorkingDays("2026-12-04", 1)).toBe("2026-12-05");
  });

  it.each([
    ["Friday", "2026-12-04", 1, "2026-12-07"],
    ["Saturday", "2026-12-05", 1, "2026-12-07"],
    ["Sunday", "2026-12-06", 1, "2026-12-07"],
    ["Christmas Eve 2026", "2026-12-24", 1, "2026-12-29"],
    ["Boxing Day 2026 (Saturday)", "2026-12-26", 1, "2026-12-29"],
    ["New Year's Eve 2026", "2026-12-31", 1, "2027-01-04"],
    ["Maundy Thursday 2027", "2027-03-25", 1, "2027-03-30"],
    ["Christmas Eve 2027", "2027-12-24", 1, "2027-12-29"],
    ["a Friday, five working days on over Christmas", "2026-12-18", 5, "2026-12-29"],
    ["a working day, zero working days on", "2026-12-07", 0, "2026-12-07"],
    ["a Saturday, zero working days on", "2026-12-26", 0, "2026-12-29"],
  ])("counts working days from a %s (%s + %i = %s)", (_label, date, n, expected) => {
    expect(london.addWorkingDays(date, n)).toBe(expected);
  });

  it("skips a Christmas shutdown as well as the bank holidays", () => {
    expect(withShutdown.addWorkingDays("2026-12-23", 1)).toBe("2027-01-04");
    expect(withShutdown.addWorkingDays("2026-12-18", 5)).toBe("2027-01-05");
  });
});

describe("calendar days and months", () => {
  it.each([
    ["2026-12-26", 3, "2026-12-29"],
    ["2026-12-30", 3, "2027-01-02"],
    ["2026-03-27", 3, "2026-03-30"],
    ["2026-12-10", -3, "2026-12-07"],
  ])("counts every day: %s + %i days = %s", (date, days, expected) => {
    expect(london.addCalendarDays(date, days)).toBe(expected);
  });

  it.each([
    ["2027-01-31", 1, "2027-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-12-26", 3, "2027-03-26"],
  ])("clamps to the month's last day: %s + %i months = %s", (date, months, expected) => {
    expect(london.addCalendarMonths(date, months)).toBe(expected);
  });
});

describe("working hours (nudges are sent 09:00–17:00 London on working days)", () => {
  it.each([
    ["Monday 08:59 GMT", "2026-12-07T08:59:00Z", false],
    ["Monday 09:00 GMT", "2026-12-07T09:00:00Z", true],
    ["Monday 16:59 GMT", "2026-12-07T16:59:00Z", true],
    ["Monday 17:00 GMT", "2026-12-07T17:00:00Z", false],
    ["Monday 20:00 GMT", "2026-12-07T20:00:00Z", false],
    ["Wednesday 08:59 BST", "2026-06-10T07:59:00Z", false],
    ["Wednesday 09:00 BST", "2026-06-10T08:00:00Z", true],
    ["Wednesday 16:59 BST", "2026-06-10T15:59:00Z", true],
    ["Wednesday 17:00 BST", "2026-06-10T16:00:00Z", false],
    ["Sunday 12:00", "2026-12-06T12:00:00Z", false],
    ["a bank holiday 12:00", "2026-12-28T12:00:00Z", false],
  ])("%s is within working hours: %s", (_label, instant, within) => {
    expect(london.isWithinWorkingHours(at(instant))).toBe(within);
  });

  it.each([
    ["Monday 08:59 → 09:00 that day", "2026-12-07T08:59:00Z", "2026-12-07T09:00:00.000Z"],
    ["Monday 10:00 → at once", "2026-12-07T10:00:00Z", "2026-12-07T10:00:00.000Z"],
    ["Monday 17:00 → Tuesday 09:00", "2026-12-07T17:00:00Z", "2026-12-08T09:00:00.000Z"],
    ["Friday 20:00 → Monday 09:00", "2026-12-04T20:00:00Z", "2026-12-07T09:00:00.000Z"],
    ["Sunday 20:00 → Monday 09:00", "2026-12-06T20:00:00Z", "2026-12-07T09:00:00.000Z"],
    ["Christmas Eve 17:30 → Tuesday 29th 09:00", "2026-12-24T17:30:00Z", "2026-12-29T09:00:00.000Z"],
    ["Saturday 20:00 GMT → Monday 09:00 BST", "2026-03-28T20:00:00Z", "2026-03-30T08:00:00.000Z"],
    ["Friday 20:00 BST → Monday 09:00 GMT", "2026-10-23T19:00:00Z", "2026-10-26T09:00:00.000Z"],
  ])("the next working instant after %s", (_label, instant, expected) => {
    expect(london.nextWorkingInstant(at(instant)).toISOString()).toBe(expected);
  });

  it.each([
    ["GMT", "2026-12-07T16:30:00Z", "16:30"],
    ["BST", "2026-06-10T15:30:00Z", "16:30"],
    ["the day the clocks go forward", "2026-03-29T15:00:00Z", "16:00"],
  ])("tells the London clock time of an instant in %s (4.2 reads a visit's hour from it)", (_label, instant, time) => {
    expect(london.localTime(at(instant))).toBe(time);
  });

  it.each([
    ["within a day", "2026-12-07T10:00:00Z", 3, "2026-12-07T13:00:00.000Z"],
    ["into the next working day", "2026-12-07T15:00:00Z", 4, "2026-12-08T11:00:00.000Z"],
    [
      "from the evening: counted from 09:00 the next working day",
      "2026-12-07T19:00:00Z",
      1,
      "2026-12-08T10:00:00.000Z",
    ],
    ["from Friday afternoon over the weekend", "2026-12-04T16:00:00Z", 8, "2026-12-07T16:00:00.000Z"],
    ["24 working hours (Southampton's LADO) over Christmas", "2026-12-24T15:00:00Z", 24, "2026-12-31T15:00:00.000Z"],
    ["in BST: 16:30 plus an hour is 09:30 the next day", "2026-06-10T15:30:00Z", 1, "2026-06-11T08:30:00.000Z"],
  ])("adds working hours %s", (_label, instant, hours, expected) => {
    expect(london.addWorkingHours(at(instant), hours).toISOString()).toBe(expected);
  });

  it("refuses a number of working hours that is not a whole number of hours", () => {
    expect(() => london.addWorkingHours(at("2026-12-07T10:00:00Z"), 1.5)).toThrow(/working hours/);
  });

  it("uses a centre's own working hours", () => {
    const early = createCalendar({ bankHolidays, workingHours: { start: "08:00", end: "16:00" } });
    expect(early.isWithinWorkingHours(at("2026-12-07T08:00:00Z"))).toBe(true);
    expect(early.isWithinWorkingHours(at("2026-12-07T16:00:00Z"))).toBe(false);
  });
});

describe("holidays of a year", () => {
  it("lists the 2026 bank holidays in date order, without weekend dates", () => {
    expect(london.holidays(2026).map((d) => `${d.date} ${d.reason} ${d.name}`)).toEqual([
      "2026-01-01 bank-holiday New Year's Day",
      "2026-04-03 bank-holiday Good Friday",
      "2026-04-06 bank-holiday Easter Monday",
      "2026-05-04 bank-holiday Early May bank holiday",
      "2026-05-25 bank-holiday Spring bank holiday",
      "2026-08-31 bank-holiday Summer bank holiday",
      "2026-12-25 bank-holiday Christmas Day",
      "2026-12-28 bank-holiday Boxing Day (substitute day)",
    ]);
  });

  it("adds weekday closure days, once each", () => {
    const days = withShutdown.holidays(2026).filter((d) => d.date >= "2026-12-24");
    expect(days.map((d) => `${d.date} ${d.reason}`)).toEqual([
      "2026-12-24 closure-day",
      "2026-12-25 bank-holiday",
      "2026-12-28 bank-holiday",
      "2026-12-29 closure-day",
      "2026-12-30 closure-day",
      "2026-12-31 closure-day",
    ]);
  });
});

describe("the calendar is a pure function of its settings", () => {
  it("is not changed by later edits to the lists it was built from", () => {
    const closureDays: ClosureDay[] = [];
    const calendar = createCalendar({ bankHolidays, closureDays });
    closureDays.push({ date: "2026-12-07", name: "Training day" });
    expect(calendar.isWorkingDay("2026-12-07")).toBe(true);
  });

  it("gives the same answers when built twice from the same settings", () => {
    const again = createCalendar({ bankHolidays, closureDays: christmasShutdown });
    expect(again.addWorkingDays("2026-12-18", 5)).toBe(withShutdown.addWorkingDays("2026-12-18", 5));
  });
});

describe("errors that say what to fix", () => {
  it.each([["2026-02-30"], ["26/12/2026"], ["2026-12-1"]])("rejects the date %s", (date) => {
    expect(() => london.endOfDay(date)).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_DATE", message: expect.stringContaining("YYYY-MM-DD") }),
    );
  });

  it("rejects an invalid instant", () => {
    expect(() => london.localDate(new Date("not a date"))).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_INSTANT" }),
    );
  });

  it("refuses to count working days in a year with no bank holidays loaded", () => {
    expect(() => london.addWorkingDays("2028-12-29", 2)).toThrow(
      expect.objectContaining({ code: "CALENDAR.YEAR_NOT_COVERED", message: expect.stringContaining("2029") }),
    );
    expect(() => london.holidays(2031)).toThrow(expect.objectContaining({ code: "CALENDAR.YEAR_NOT_COVERED" }));
  });

  it("rejects a negative or fractional number of working days", () => {
    expect(() => london.addWorkingDays("2026-12-07", -1)).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_AMOUNT" }),
    );
    expect(() => london.addCalendarDays("2026-12-07", 1.5)).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_AMOUNT" }),
    );
  });

  it.each([
    ["an unknown time zone", { timeZone: "Europe/Londn" }, "Europe/Londn"],
    ["no working weekdays", { workingWeekdays: [] }, "working weekdays"],
    ["weekday 8", { workingWeekdays: [1, 8] }, "working weekdays"],
    ["hours that end before they start", { workingHours: { start: "17:00", end: "09:00" } }, "17:00–09:00"],
    ["hours not written HH:mm", { workingHours: { start: "9am", end: "17:00" } }, "9am"],
  ])("rejects settings with %s", (_label, settings, mention) => {
    expect(() => createCalendar({ bankHolidays, ...settings })).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_SETTINGS", message: expect.stringContaining(mention) }),
    );
  });

  it("names a closure day whose date is wrong", () => {
    expect(() => createCalendar({ bankHolidays, closureDays: [{ date: "2026-13-01", name: "Staff day" }] })).toThrow(
      expect.objectContaining({ code: "CALENDAR.INVALID_DATE", message: expect.stringContaining("Staff day") }),
    );
  });
});

describe("the calendar's remembered day boundaries", () => {
  const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2024, 2028) });
  const london = (instant: Date) => DateTime.fromJSDate(instant, { zone: "Europe/London" });

  it("gives every instant the London date luxon gives it, across clock changes (10,000 instants, 2024–2028)", () => {
    const from = Date.UTC(2024, 0, 1);
    const span = Date.UTC(2028, 11, 31) - from;
    // Deterministic spread, with the hours either side of midnight and of the clock changes well covered.
    const instants = Array.from({ length: 10_000 }, (_, i) => new Date(from + ((i * 7_919_999_983) % span)));
    instants.push(new Date("2026-03-29T00:59:59.999Z"), new Date("2026-03-29T01:00:00.000Z"));
    instants.push(new Date("2026-10-24T22:59:59.999Z"), new Date("2026-10-24T23:00:00.000Z"));
    for (const instant of instants) expect(calendar.localDate(instant)).toBe(london(instant).toISODate());
  });

  it("ends a day at 23:59:59.999 London time and starts it at midnight, on the clock-change days too", () => {
    for (const date of ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-12-31"]) {
      const start = DateTime.fromISO(date, { zone: "Europe/London" }).startOf("day");
      expect(calendar.startOfDay(date).toISOString()).toBe(start.toUTC().toISO());
      expect(calendar.endOfDay(date).toISOString()).toBe(start.endOf("day").toUTC().toISO());
    }
  });
});
