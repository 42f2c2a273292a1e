import { readFileSync } from "node:fs";
import { englandAndWalesBankHolidays, parseGovUkBankHolidays } from "../domain/calendar/bank-holidays.js";
import type { BankHoliday, Calendar } from "../domain/calendar/calendar.js";
import { createCalendar } from "../domain/calendar/create-calendar.js";
import type { PracticeConfig } from "./config.js";
import type { CentreSettings } from "../ports/records.js";

/**
 * Years of bank holidays loaded around today: enough for any clock the service computes, including the clocks of a
 * case closed years ago that someone opens in the tab (records are kept for years).
 */
const YEARS_BEFORE = 10;
const YEARS_AFTER = 3;

const yearOf = (day: BankHoliday): string => day.date.slice(0, 4);

/** Settings' import wins for the years it covers (an admin's newer GOV.UK list); the configured file for the rest. */
function importedHolidays(fromFile: readonly BankHoliday[], fromSettings: readonly BankHoliday[]): BankHoliday[] {
  const settingsYears = new Set(fromSettings.map(yearOf));
  return [...fromFile.filter((day) => !settingsYears.has(yearOf(day))), ...fromSettings];
}

/**
 * The working-day calendar this Family Centre runs on: configuration (and its GOV.UK file, if given), plus what an
 * admin saved in Settings — imported bank holidays and closure days.
 */
export function calendarFromConfig(
  practice: PracticeConfig,
  now: Date,
  settings: Pick<CentreSettings, "bankHolidays" | "closureDays"> = { closureDays: [] },
): Calendar {
  const year = now.getUTCFullYear();
  const fromFile = practice.bankHolidaysFile
    ? parseGovUkBankHolidays(readFileSync(practice.bankHolidaysFile, "utf8"))
    : [];
  const closureDays = [...new Set([...practice.closureDays, ...settings.closureDays])].sort();
  return createCalendar({
    bankHolidays: englandAndWalesBankHolidays(
      year - YEARS_BEFORE,
      year + YEARS_AFTER,
      importedHolidays(fromFile, settings.bankHolidays ?? []),
    ),
    closureDays: closureDays.map((date) => ({ date, name: "Family Centre closure day" })),
    timeZone: practice.timeZone,
    workingHours: practice.workingHours,
  });
}
