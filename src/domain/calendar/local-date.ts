import { DateTime } from "luxon";
import type { LocalDate } from "./calendar.js";
import { invalidDate } from "./errors.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `YYYY-MM-DD` date as a luxon date for date arithmetic. Held in UTC on purpose: adding days or months to a
 * date must not be shifted by a clock change; London only matters when a date becomes an instant.
 */
export function parseLocalDate(value: string, what: string): DateTime<true> {
  const parsed = ISO_DATE.test(value) ? DateTime.fromISO(value, { zone: "utc" }) : undefined;
  if (!parsed?.isValid) throw invalidDate(value, what);
  return parsed;
}

export const isLocalDate = (value: string): boolean =>
  ISO_DATE.test(value) && DateTime.fromISO(value, { zone: "utc" }).isValid;

export const toLocalDate = (date: DateTime<true>): LocalDate => date.toISODate();
