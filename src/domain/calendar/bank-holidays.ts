import Holidays from "date-holidays";
import { z } from "zod";
import type { BankHoliday } from "./calendar.js";
import { badHolidayFile } from "./errors.js";
import { describeIssue } from "./describe-issue.js";
import { isLocalDate, parseLocalDate } from "./local-date.js";

const SATURDAY = 6;

/**
 * England & Wales bank holidays for `fromYear`…`toYear` inclusive, as GOV.UK lists them. Years covered by an
 * `imported` GOV.UK list are taken from it (the official list wins); other years come from `date-holidays`.
 */
export function englandAndWalesBankHolidays(
  fromYear: number,
  toYear: number,
  imported: readonly BankHoliday[] = [],
): readonly BankHoliday[] {
  const importedYears = new Set(imported.map((day) => yearOf(day.date)));
  const computed = new Holidays("GB", "ENG");
  const days: BankHoliday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (importedYears.has(year)) {
      days.push(...imported.filter((day) => yearOf(day.date) === year));
      continue;
    }
    for (const holiday of computed.getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      // date-holidays also lists Boxing Day on a Saturday beside its substitute Monday; GOV.UK lists only the
      // day off actually given, so weekend dates are dropped to keep both sources the same.
      if (holiday.type === "public" && parseLocalDate(date, holiday.name).weekday < SATURDAY) {
        days.push({ date, name: holiday.name });
      }
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

const govUkDate = z.string().refine(isLocalDate, { message: "must be a real date written YYYY-MM-DD" });

const govUkBankHolidaysSchema = z.object({
  "england-and-wales": z.object({
    events: z.array(z.object({ title: z.string().min(1), date: govUkDate })).min(1),
  }),
});

/**
 * Reads the text of GOV.UK's bank-holidays.json (https://www.gov.uk/bank-holidays.json) so a council can use the
 * official list. Only the England & Wales division is read.
 */
export function parseGovUkBankHolidays(text: string): readonly BankHoliday[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badHolidayFile("it is not JSON");
  }
  const parsed = govUkBankHolidaysSchema.safeParse(json);
  if (!parsed.success) {
    throw badHolidayFile(describeIssue(parsed.error));
  }
  return parsed.data["england-and-wales"].events
    .map((event) => ({ date: event.date, name: event.title }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

const yearOf = (date: string): number => Number(date.slice(0, 4));
