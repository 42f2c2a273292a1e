import { DateTime, IANAZone } from "luxon";
import type { BankHoliday, Calendar, ClosureDay, LocalDate, NonWorkingDay } from "./calendar.js";
import { invalidAmount, invalidInstant, invalidSettings, yearNotCovered } from "./errors.js";
import { parseLocalDate, toLocalDate } from "./local-date.js";

export const DEFAULT_TIME_ZONE = "Europe/London";
/** ISO weekdays, 1 = Monday … 7 = Sunday: Monday to Friday (seed 003, preamble). */
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: "09:00", end: "17:00" };

/** Local clock times `HH:mm`; `end` is the first minute outside working hours. */
export interface WorkingHours {
  readonly start: string;
  readonly end: string;
}

export interface CalendarOptions {
  /** Bank holidays. The years they fall in are the years the calendar can count working days in. */
  readonly bankHolidays: readonly BankHoliday[];
  /** This Family Centre's own closures (e.g. the Christmas shutdown). */
  readonly closureDays?: readonly ClosureDay[];
  /** IANA time zone for day boundaries; Europe/London unless told otherwise. */
  readonly timeZone?: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  readonly workingWeekdays?: readonly number[];
  /** When nudges may be sent on a working day. */
  readonly workingHours?: WorkingHours;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The working-day calendar: a pure function of its options (PRACTICE-FRAMEWORK.md, time conventions). */
export function createCalendar(options: CalendarOptions): Calendar {
  const settings = readSettings(options);
  const days = dayBoundaries(settings.timeZone);
  const working = workingDays(settings, days);
  const hours = workingHoursOf(settings, days, working);
  return {
    timeZone: settings.timeZone,
    localDate: days.localDateOf,
    localTime: (instant) => inZone(instant, settings.timeZone).toFormat("HH:mm"),
    // The last millisecond before the next local day starts (23:59:59.999, on clock-change days too).
    endOfDay: (date) => new Date(days.dayStartMs(days.dayAfter(date)) - 1),
    startOfDay: (date) => new Date(days.dayStartMs(date)),
    isWorkingDay: working.isWorkingDay,
    nonWorkingReason: working.nonWorkingReason,
    addCalendarDays,
    addCalendarMonths,
    addWorkingDays: working.addWorkingDays,
    isWithinWorkingHours: hours.isWithinWorkingHours,
    nextWorkingInstant: hours.nextWorkingInstant,
    addWorkingHours: hours.addWorkingHours,
    holidays: (year) => holidaysIn(year, settings, working.nonWorkingReason),
  };
}

interface Settings {
  readonly timeZone: string;
  readonly workingWeekdays: ReadonlySet<number>;
  readonly hours: Record<"start" | "end", { hour: number; minute: number }>;
  readonly bankHolidays: ReadonlyMap<LocalDate, BankHoliday>;
  readonly closureDays: ReadonlyMap<LocalDate, ClosureDay>;
  /** The years the bank holidays fall in: working days can be counted in these only. */
  readonly coveredYears: ReadonlySet<number>;
}

/** Every option checked once, at construction, so a bad setting names itself rather than failing a later deadline. */
function readSettings(options: CalendarOptions): Settings {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!IANAZone.isValidZone(timeZone)) {
    throw invalidSettings(`"${timeZone}" is not a time zone; use an IANA name such as Europe/London`);
  }
  const bankHolidays = byDate(options.bankHolidays, "Bank holiday");
  return {
    timeZone,
    workingWeekdays: readWorkingWeekdays(options.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS),
    hours: readWorkingHours(options.workingHours ?? DEFAULT_WORKING_HOURS),
    bankHolidays,
    closureDays: byDate(options.closureDays ?? [], "Closure day"),
    coveredYears: new Set([...bankHolidays.keys()].map((date) => Number(date.slice(0, 4)))),
  };
}

/** Local days in the calendar's zone: where each starts, the days either side, and which day an instant falls on. */
function dayBoundaries(timeZone: string) {
  const localStartOfDay = (date: LocalDate): DateTime<true> => {
    const day = parseLocalDate(date, "The date");
    return DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: timeZone }).startOf(
      "day",
    ) as DateTime<true>;
  };
  // Zone arithmetic is most of the cost of working out a clock; a day's boundaries never change, so each is
  // worked out once per calendar (a new calendar is made when holidays or closure days change).
  const dayStartMs = remembered((date: LocalDate) => localStartOfDay(date).toMillis());
  const dayAfter = remembered((date: LocalDate) => toLocalDate(parseLocalDate(date, "The date").plus({ days: 1 })));
  const dayBefore = remembered((date: LocalDate) => toLocalDate(parseLocalDate(date, "The date").minus({ days: 1 })));
  /** The local date of an instant from the remembered day boundaries: it is the UTC date, or the day either side. */
  const localDateOf = (instant: Date): LocalDate => {
    const ms = instant.getTime();
    if (!Number.isFinite(ms) || Math.abs(ms) > LAST_FOUR_DIGIT_YEAR_MS) return inZone(instant, timeZone).toISODate();
    const utcDate = instant.toISOString().slice(0, 10);
    const next = dayAfter(utcDate);
    if (ms >= dayStartMs(next)) return next;
    return ms >= dayStartMs(utcDate) ? utcDate : dayBefore(utcDate);
  };
  const atLocalTime = (date: LocalDate, time: { hour: number; minute: number }): Date =>
    localStartOfDay(date).set(time).toJSDate();
  return { dayStartMs, dayAfter, localDateOf, atLocalTime };
}

type DayBoundaries = ReturnType<typeof dayBoundaries>;

function inZone(instant: Date, timeZone: string): DateTime<true> {
  const dateTime = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dateTime.isValid) throw invalidInstant("The instant");
  return dateTime;
}

/** Which days are worked (weekdays less bank holidays and closure days), and counting in working days. */
function workingDays(settings: Settings, days: DayBoundaries) {
  const nonWorkingReason = remembered((date: LocalDate): NonWorkingDay | undefined => {
    const day = parseLocalDate(date, "The date");
    if (!settings.coveredYears.has(day.year)) throw yearNotCovered(day.year);
    if (!settings.workingWeekdays.has(day.weekday)) {
      return { date, reason: "weekend", name: day.setLocale("en-GB").toFormat("cccc") };
    }
    const bankHoliday = settings.bankHolidays.get(date);
    if (bankHoliday) return { date, reason: "bank-holiday", name: bankHoliday.name };
    const closureDay = settings.closureDays.get(date);
    if (closureDay) return { date, reason: "closure-day", name: closureDay.name };
    return undefined;
  });
  const isWorkingDay = (date: LocalDate): boolean => nonWorkingReason(date) === undefined;
  // Ends: every year without bank holidays throws, so a run of non-working days cannot go on for ever.
  const nextWorkingDay = remembered((date: LocalDate): LocalDate => {
    let day = days.dayAfter(date);
    while (!isWorkingDay(day)) day = days.dayAfter(day);
    return day;
  });
  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    if (!Number.isInteger(n) || n < 0) throw invalidAmount(n, "A number of working days");
    if (n === 0) return isWorkingDay(date) ? date : nextWorkingDay(date);
    // The n-th working day *after* the date: from a Saturday, the 1st is Monday.
    let day = date;
    for (let counted = 0; counted < n; counted++) day = nextWorkingDay(day);
    return day;
  };
  return { nonWorkingReason, isWorkingDay, nextWorkingDay, addWorkingDays };
}

type WorkingDays = ReturnType<typeof workingDays>;

/** Working hours on working days: when nudges may be sent, and counting in working hours (a LADO's answer). */
function workingHoursOf(settings: Settings, days: DayBoundaries, working: WorkingDays) {
  const workingHoursMs = remembered((date: LocalDate) => ({
    start: days.atLocalTime(date, settings.hours.start).getTime(),
    end: days.atLocalTime(date, settings.hours.end).getTime(),
  }));
  const hoursOn = (date: LocalDate): { start: Date; end: Date } => {
    const { start, end } = workingHoursMs(date);
    return { start: new Date(start), end: new Date(end) };
  };
  const nextWorkingInstant = (instant: Date): Date => {
    const date = days.localDateOf(instant);
    if (working.isWorkingDay(date)) {
      const { start, end } = hoursOn(date);
      if (instant < start) return start;
      if (instant < end) return instant;
    }
    return hoursOn(working.nextWorkingDay(date)).start;
  };
  return {
    isWithinWorkingHours: (instant: Date): boolean => {
      const date = days.localDateOf(instant);
      if (!working.isWorkingDay(date)) return false;
      const { start, end } = hoursOn(date);
      return instant >= start && instant < end;
    },
    nextWorkingInstant,
    addWorkingHours: (instant: Date, hours: number): Date => {
      if (!Number.isInteger(hours) || hours < 0) throw invalidAmount(hours, "A number of working hours");
      let from = nextWorkingInstant(instant);
      let remaining = hours * HOUR_MS;
      // Ends: each pass uses up a working day's hours (at least a minute, as the settings require).
      for (;;) {
        const date = days.localDateOf(from);
        const left = workingHoursMs(date).end - from.getTime();
        if (remaining <= left) return new Date(from.getTime() + remaining);
        remaining -= left;
        from = hoursOn(working.nextWorkingDay(date)).start;
      }
    },
  };
}

function addCalendarDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw invalidAmount(days, "A number of calendar days");
  return toLocalDate(parseLocalDate(date, "The date").plus({ days }));
}

function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw invalidAmount(months, "A number of calendar months");
  // luxon clamps to the last day of a shorter month, as the Calendar contract asks.
  return toLocalDate(parseLocalDate(date, "The date").plus({ months }));
}

/** A year's bank holidays and closure days, in date order (weekends are not listed). */
function holidaysIn(
  year: number,
  settings: Settings,
  nonWorkingReason: (date: LocalDate) => NonWorkingDay | undefined,
): readonly NonWorkingDay[] {
  if (!settings.coveredYears.has(year)) throw yearNotCovered(year);
  const dates = [...settings.bankHolidays.keys(), ...settings.closureDays.keys()].filter((date) =>
    date.startsWith(`${year}-`),
  );
  return [...new Set(dates)]
    .sort()
    .map(nonWorkingReason)
    .filter((day): day is NonWorkingDay => day !== undefined && day.reason !== "weekend");
}

function readWorkingWeekdays(weekdays: readonly number[]): ReadonlySet<number> {
  const bad = weekdays.filter((d) => !Number.isInteger(d) || d < 1 || d > 7);
  if (weekdays.length === 0 || bad.length > 0) {
    throw invalidSettings("working weekdays must be one or more of 1 (Monday) to 7 (Sunday)");
  }
  return new Set(weekdays);
}

function readWorkingHours(hours: WorkingHours): Record<"start" | "end", { hour: number; minute: number }> {
  const start = readClockTime(hours.start);
  const end = readClockTime(hours.end);
  if (!start || !end || start.hour * 60 + start.minute >= end.hour * 60 + end.minute) {
    throw invalidSettings(`working hours "${hours.start}–${hours.end}" must be two HH:mm times, start before end`);
  }
  return { start, end };
}

function readClockTime(value: string): { hour: number; minute: number } | undefined {
  const match = HH_MM.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/** Validates every date once, at construction, so a bad entry names itself rather than failing a later deadline. */
function byDate<T extends { date: LocalDate; name: string }>(days: readonly T[], what: string): Map<LocalDate, T> {
  const index = new Map<LocalDate, T>();
  for (const day of days) {
    parseLocalDate(day.date, `${what} "${day.name}"`);
    if (!index.has(day.date)) index.set(day.date, day);
  }
  return index;
}

const HOUR_MS = 60 * 60 * 1000;
/** ±8640000000000000 is Date's range; beyond year 9999 an ISO string is no longer `YYYY-MM-DD`. */
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31);
/** Above this many remembered answers a memo starts again (a calendar normally meets a few thousand dates). */
const MEMO_LIMIT = 50_000;

/** `compute` remembered per date; a throw (a year with no holidays, a malformed date) is not remembered. */
function remembered<T>(compute: (date: LocalDate) => T): (date: LocalDate) => T {
  const memo = new Map<LocalDate, T>();
  return (date) => {
    if (memo.has(date)) return memo.get(date) as T;
    const value = compute(date);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(date, value);
    return value;
  };
}
