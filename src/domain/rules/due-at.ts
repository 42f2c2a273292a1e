import type { Calendar } from "../calendar/calendar.js";
import type { Timescale } from "./timescale.js";

const HOUR_MS = 60 * 60 * 1000;
const DAYS_PER_WEEK = 7;

/**
 * When a timescale started at `start` falls due (PRACTICE-FRAMEWORK.md, time conventions).
 * Hours are exact elapsed time; working hours count only the calendar's working hours of working days; every day-based
 * unit is due at the end of a London day, counted from the
 * London date of `start` (an event at 00:30 BST belongs to that date, though it is 23:30 UTC the day before).
 */
export function dueAt(start: Date, timescale: Timescale, calendar: Calendar): Date {
  // Read first for every unit: it also rejects an invalid instant, which would otherwise become an Invalid Date.
  const startDate = calendar.localDate(start);
  const { amount, unit } = timescale;
  switch (unit) {
    case "hours":
      return new Date(start.getTime() + amount * HOUR_MS);
    case "working-hours":
      return calendar.addWorkingHours(start, amount);
    case "calendar-days":
      return calendar.endOfDay(calendar.addCalendarDays(startDate, amount));
    case "calendar-weeks":
      return calendar.endOfDay(calendar.addCalendarDays(startDate, amount * DAYS_PER_WEEK));
    case "working-days":
      return calendar.endOfDay(calendar.addWorkingDays(startDate, amount));
    case "calendar-months":
      return calendar.endOfDay(calendar.addCalendarMonths(startDate, amount));
  }
}
