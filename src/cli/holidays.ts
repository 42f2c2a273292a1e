import { DateTime } from "luxon";
import type { NonWorkingDay } from "../domain/calendar/calendar.js";
import { CALENDAR_OPTIONS, CALENDAR_USAGE, calendarFor, type ReadFile } from "./calendar-options.js";
import { CliUsageError } from "./errors.js";
import { parseOptions, required } from "./options.js";

export const HOLIDAYS_USAGE = `fc holidays --year <YYYY> ${CALENDAR_USAGE} [--json]`;
const REASONS: Record<NonWorkingDay["reason"], string> = {
  weekend: "weekend",
  "bank-holiday": "bank holiday",
  "closure-day": "closure day",
};

/** `fc holidays`: the weekdays of a year that are not working days (bank holidays and closure days). */
export function holidays(args: readonly string[], readFile: ReadFile): string {
  const options = parseOptions(
    args,
    { year: { type: "string" }, json: { type: "boolean" }, ...CALENDAR_OPTIONS },
    HOLIDAYS_USAGE,
  );
  const yearText = required(options.year, "--year", HOLIDAYS_USAGE);
  if (!/^\d{4}$/.test(yearText))
    throw new CliUsageError(`--year "${yearText}" is not a year: write it as YYYY, e.g. 2026.`);
  const year = Number(yearText);
  const { calendar, importedYears } = calendarFor(options, { from: year, to: year }, readFile);
  const days = calendar.holidays(year);
  if (options.json) return `${JSON.stringify(days)}\n`;

  const source = importedYears.has(year) ? `GOV.UK file ${options["bank-holidays"]}` : "date-holidays";
  const heading = `Non-working weekdays in ${year} (England & Wales bank holidays from ${source}; weekends not listed):`;
  const lines = days.map(
    (day) => `${day.date}  ${weekdayOf(day.date).padEnd(9)}  ${REASONS[day.reason].padEnd(12)}  ${day.name}`,
  );
  return `${[heading, ...lines].join("\n")}\n`;
}

const weekdayOf = (date: string): string => DateTime.fromISO(date).setLocale("en-GB").toFormat("cccc");
