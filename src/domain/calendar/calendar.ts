/** A date in London, `YYYY-MM-DD`. Day boundaries are London's, BST and GMT included. */
export type LocalDate = string;

export interface NonWorkingDay {
  readonly date: LocalDate;
  readonly reason: "weekend" | "bank-holiday" | "closure-day";
  /** e.g. "Christmas Day", "Boxing Day (substitute day)", "Christmas shutdown" */
  readonly name: string;
}

/**
 * The working-day calendar every clock is computed with (PRACTICE-FRAMEWORK.md, time conventions).
 * Pure: built from data (bank holidays, closure days, working hours), no clock inside.
 */
export interface Calendar {
  readonly timeZone: string;
  /** The London date of a UTC instant. */
  localDate(instant: Date): LocalDate;
  /** The London clock time of a UTC instant, `HH:mm` (a late visit is told by it, 4.2). */
  localTime(instant: Date): string;
  /** The last millisecond of a London day, as a UTC instant (23:59:59.999 local). */
  endOfDay(date: LocalDate): Date;
  /** The first millisecond of a London day, as a UTC instant. */
  startOfDay(date: LocalDate): Date;
  isWorkingDay(date: LocalDate): boolean;
  /** Why a day is not a working day, or undefined when it is one. */
  nonWorkingReason(date: LocalDate): NonWorkingDay | undefined;
  addCalendarDays(date: LocalDate, days: number): LocalDate;
  /** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
  addCalendarMonths(date: LocalDate, months: number): LocalDate;
  /** The n-th working day after `date` (n ≥ 1); n = 0 gives `date` itself if it is a working day, else the next one. */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** Within working hours (default 09:00–17:00 London) on a working day: when nudges may be sent. */
  isWithinWorkingHours(instant: Date): boolean;
  /** The next instant at or after `instant` that is within working hours. */
  nextWorkingInstant(instant: Date): Date;
  /** `hours` of working time after `instant`, counting only working hours of working days ("24 working hours"). */
  addWorkingHours(instant: Date, hours: number): Date;
  /** Every non-working day of a year that is not a weekend (bank holidays and closure days), in date order. */
  holidays(year: number): readonly NonWorkingDay[];
}

/** A public holiday in England & Wales, as GOV.UK lists it (substitute days included, weekend dates not). */
export interface BankHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

/** A day one Family Centre is closed although it is a weekday, e.g. the Christmas shutdown. */
export interface ClosureDay {
  readonly date: LocalDate;
  readonly name: string;
}
