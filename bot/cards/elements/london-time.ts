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

/** An instant as a card shows it in one time zone. */
interface LocalParts {
  /** "Tue 1 Dec 2026". */
  readonly day: string;
  readonly hour: number;
  readonly minute: number;
  /** Days since 1970-01-01 of the local date, for counting whole days. */
  readonly dayNumber: number;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const REMEMBERED = 5_000;
const remembered = new Map<string, LocalParts>();

const dayPart = (at: DateTime): string => `${WEEKDAYS[at.weekday - 1]} ${at.day} ${MONTHS[at.month - 1]} ${at.year}`;
const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * Working out a zone's offset is slow, and an agenda card shows the same instants on every redraw (each click
 * redraws twenty items), so each instant's parts are remembered; they never change.
 */
function localParts(instant: string, timeZone: string): LocalParts {
  const key = `${timeZone}|${instant}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const at = zoned(instant, timeZone);
  const parts = {
    day: dayPart(at),
    hour: at.hour,
    minute: at.minute,
    dayNumber: Math.round(Date.UTC(at.year, at.month - 1, at.day) / MS_PER_DAY),
  };
  if (remembered.size >= REMEMBERED) remembered.clear();
  remembered.set(key, parts);
  return parts;
}

/** "Tue 1 Dec 2026, 09:15" in the calendar's time zone (London: BST and GMT as they fall). */
export function formatInstant(instant: string, timeZone: string): string {
  const at = localParts(instant, timeZone);
  return `${at.day}, ${pad(at.hour)}:${pad(at.minute)}`;
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
  const at = localParts(instant, timeZone);
  return at.hour === 23 && at.minute === 59 ? `end of ${at.day}` : formatInstant(instant, timeZone);
}

/** Whole calendar days from the London date of `from` to that of `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string, timeZone: string): number {
  return localParts(to, timeZone).dayNumber - localParts(from, timeZone).dayNumber;
}
