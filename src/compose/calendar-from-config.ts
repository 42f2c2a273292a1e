import { readFileSync } from "node:fs";
import { englandAndWalesBankHolidays, parseGovUkBankHolidays } from "../domain/calendar/bank-holidays.js";
import type { Calendar } from "../domain/calendar/calendar.js";
import { createCalendar } from "../domain/calendar/create-calendar.js";
import type { Config } from "../config.js";

/** Years of bank holidays loaded around today: enough for any clock the service computes. */
const YEARS_BEFORE = 1;
const YEARS_AFTER = 3;

/** The working-day calendar this Family Centre runs on, from configuration (and the GOV.UK file, if given). */
export function calendarFromConfig(practice: Config["practice"], now: Date): Calendar {
  const year = now.getUTCFullYear();
  const imported = practice.bankHolidaysFile
    ? parseGovUkBankHolidays(readFileSync(practice.bankHolidaysFile, "utf8"))
    : [];
  return createCalendar({
    bankHolidays: englandAndWalesBankHolidays(year - YEARS_BEFORE, year + YEARS_AFTER, imported),
    closureDays: practice.closureDays.map((date) => ({ date, name: "Family Centre closure day" })),
    timeZone: practice.timeZone,
    workingHours: practice.workingHours,
  });
}
