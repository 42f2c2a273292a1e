import type { Calendar, LocalDate, NonWorkingDay } from "../domain/calendar/calendar.js";

/**
 * The calendar every use case holds, whose days an admin can change while the service runs (bank holidays
 * imported and closure days saved in Settings): each call asks the calendar built most recently.
 */
export class LiveCalendar implements Calendar {
  #current: Calendar;

  constructor(initial: Calendar) {
    this.#current = initial;
  }

  replace(next: Calendar): void {
    this.#current = next;
  }

  get timeZone(): string {
    return this.#current.timeZone;
  }

  localDate(instant: Date): LocalDate {
    return this.#current.localDate(instant);
  }

  localTime(instant: Date): string {
    return this.#current.localTime(instant);
  }

  endOfDay(date: LocalDate): Date {
    return this.#current.endOfDay(date);
  }

  startOfDay(date: LocalDate): Date {
    return this.#current.startOfDay(date);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.#current.isWorkingDay(date);
  }

  nonWorkingReason(date: LocalDate): NonWorkingDay | undefined {
    return this.#current.nonWorkingReason(date);
  }

  addCalendarDays(date: LocalDate, days: number): LocalDate {
    return this.#current.addCalendarDays(date, days);
  }

  addCalendarMonths(date: LocalDate, months: number): LocalDate {
    return this.#current.addCalendarMonths(date, months);
  }

  addWorkingDays(date: LocalDate, n: number): LocalDate {
    return this.#current.addWorkingDays(date, n);
  }

  isWithinWorkingHours(instant: Date): boolean {
    return this.#current.isWithinWorkingHours(instant);
  }

  nextWorkingInstant(instant: Date): Date {
    return this.#current.nextWorkingInstant(instant);
  }

  addWorkingHours(instant: Date, hours: number): Date {
    return this.#current.addWorkingHours(instant, hours);
  }

  holidays(year: number): readonly NonWorkingDay[] {
    return this.#current.holidays(year);
  }
}
