/** Stable codes: logs, the CLI and support notes can rely on them. */
export type CalendarErrorCode =
  | "CALENDAR.INVALID_DATE"
  | "CALENDAR.INVALID_INSTANT"
  | "CALENDAR.INVALID_AMOUNT"
  | "CALENDAR.INVALID_SETTINGS"
  | "CALENDAR.BAD_HOLIDAY_FILE"
  | "CALENDAR.BAD_CLOSURE_DAYS_FILE"
  | "CALENDAR.YEAR_NOT_COVERED";

/** The calendar cannot answer: its settings or data are wrong. The message says what to fix. */
export class CalendarError extends Error {
  override readonly name = "CalendarError";

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalidDate = (value: string, what: string): CalendarError =>
  new CalendarError(
    "CALENDAR.INVALID_DATE",
    `${what} "${value}" is not a real date: write it as YYYY-MM-DD, e.g. 2026-12-25.`,
  );

export const invalidInstant = (what: string): CalendarError =>
  new CalendarError("CALENDAR.INVALID_INSTANT", `${what} is not a valid point in time.`);

export const invalidAmount = (amount: number, what: string): CalendarError =>
  new CalendarError("CALENDAR.INVALID_AMOUNT", `${what} must be a whole number of days, not ${amount}.`);

export const invalidSettings = (problem: string): CalendarError =>
  new CalendarError("CALENDAR.INVALID_SETTINGS", `The working-day calendar settings are wrong: ${problem}.`);

/**
 * Without bank holidays for a year, working-day deadlines in it would silently count holidays as working days,
 * so the calendar refuses rather than guess.
 */
export const yearNotCovered = (year: number): CalendarError =>
  new CalendarError(
    "CALENDAR.YEAR_NOT_COVERED",
    `No bank holidays are loaded for ${year}, so working days in ${year} cannot be counted: ` +
      `load the England & Wales bank holidays for ${year} (or import the GOV.UK list that includes it).`,
  );

export const badHolidayFile = (problem: string): CalendarError =>
  new CalendarError(
    "CALENDAR.BAD_HOLIDAY_FILE",
    `The bank holidays file cannot be used: ${problem}. Download it again from https://www.gov.uk/bank-holidays.json ` +
      `(it must hold {"england-and-wales": {"events": [{"title", "date": "YYYY-MM-DD"}]}}).`,
  );

export const badClosureDaysFile = (problem: string): CalendarError =>
  new CalendarError(
    "CALENDAR.BAD_CLOSURE_DAYS_FILE",
    `The closure days file cannot be used: ${problem}. It must be a JSON list of closures, ` +
      `e.g. [{"date": "2026-12-24", "name": "Christmas shutdown"}].`,
  );
