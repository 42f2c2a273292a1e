import { DateTime } from "luxon";
import type { LocalDate } from "../../../src/domain/calendar/calendar.js";

// Named parts rather than Intl patterns: en-GB abbreviations change with the ICU version ("Sep" / "Sept").
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function zoned(instant: string, timeZone: string): DateTime {
  const at = DateTime.fromISO(instant, { zone: timeZone });
  if (!at.isValid) throw new RangeError(`Cannot show "${instant}" as a time: it is not an ISO-8601 instant.`);
  return at;
}

const dayPart = (at: DateTime): string => `${WEEKDAYS[at.weekday - 1]} ${at.day} ${MONTHS[at.month - 1]} ${at.year}`;
const pad = (n: number): string => String(n).padStart(2, "0");

/** "Tue 1 Dec 2026, 09:15" in the calendar's time zone (London: BST and GMT as they fall). */
export function formatInstant(instant: string, timeZone: string): string {
  const at = zoned(instant, timeZone);
  return `${dayPart(at)}, ${pad(at.hour)}:${pad(at.minute)}`;
}

/** "Tue 1 Dec 2026" for a London date. */
export function formatDate(date: LocalDate): string {
  const at = DateTime.fromISO(date, { zone: "UTC" });
  if (!at.isValid) throw new RangeError(`Cannot show "${date}" as a date: it is not YYYY-MM-DD.`);
  return dayPart(at);
}

/**
 * A due instant as people say it: "end of Tue 1 Dec 2026" for day-based clocks (due at the last moment of the
 * day), "Tue 1 Dec 2026, 10:00" for clocks counted in hours.
 */
export function formatDue(instant: string, timeZone: string): string {
  const at = zoned(instant, timeZone);
  return at.hour === 23 && at.minute === 59 ? `end of ${dayPart(at)}` : formatInstant(instant, timeZone);
}

/** Whole calendar days from the London date of `from` to that of `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string, timeZone: string): number {
  const start = zoned(from, timeZone).startOf("day");
  const end = zoned(to, timeZone).startOf("day");
  return Math.round(end.diff(start, "days").days);
}
