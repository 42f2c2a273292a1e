import { englandAndWalesBankHolidays, parseGovUkBankHolidays } from "../domain/calendar/bank-holidays.js";
import type { Calendar } from "../domain/calendar/calendar.js";
import { parseClosureDays } from "../domain/calendar/closure-days.js";
import { createCalendar } from "../domain/calendar/create-calendar.js";
import { CliFileError } from "./errors.js";

/** Reads a file named on the command line; cli.ts passes the real file system. */
export type ReadFile = (path: string) => string;

/** The options every command that needs a calendar accepts. */
export const CALENDAR_OPTIONS = {
  "bank-holidays": { type: "string" },
  "closure-days": { type: "string" },
} as const;
export const CALENDAR_USAGE = "[--bank-holidays <govuk-json-file>] [--closure-days <json-file>]";

export interface CalendarChoice {
  readonly "bank-holidays"?: string;
  readonly "closure-days"?: string;
}

/**
 * The calendar the CLI computes with: England & Wales bank holidays for `fromYear`…`toYear` (from the GOV.UK file
 * for the years it covers, date-holidays otherwise), the closure days file if given, London time. Also says which
 * years came from the GOV.UK file, so output can name its source.
 */
export function calendarFor(
  choice: CalendarChoice,
  years: { from: number; to: number },
  readFile: ReadFile,
): { calendar: Calendar; importedYears: ReadonlySet<number> } {
  const bankHolidaysFile = choice["bank-holidays"];
  const closureDaysFile = choice["closure-days"];
  const imported = bankHolidaysFile ? parseGovUkBankHolidays(read(readFile, "--bank-holidays", bankHolidaysFile)) : [];
  const calendar = createCalendar({
    bankHolidays: englandAndWalesBankHolidays(years.from, years.to, imported),
    closureDays: closureDaysFile ? parseClosureDays(read(readFile, "--closure-days", closureDaysFile)) : [],
  });
  return { calendar, importedYears: new Set(imported.map((day) => Number(day.date.slice(0, 4)))) };
}

function read(readFile: ReadFile, option: string, path: string): string {
  try {
    return readFile(path);
  } catch (error) {
    throw new CliFileError(option, path, error instanceof Error ? error.message : String(error));
  }
}
