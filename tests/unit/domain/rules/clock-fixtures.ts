import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import type { Calendar } from "../../../../src/domain/calendar/calendar.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import type { CaseEvent, CaseEventData, CaseEventType } from "../../../../src/domain/case-events.js";
import type { Case, CaseState } from "../../../../src/domain/case.js";
import type { ContactKind } from "../../../../src/domain/contact.js";

const bankHolidays = englandAndWalesBankHolidays(2025, 2028);

/** England & Wales bank holidays only (2026-12-25, the 2026-12-28 substitute, 2027-01-01, Easter 2027…). */
export const calendar: Calendar = createCalendar({ bankHolidays });

/** The same, plus a Christmas shutdown between the bank holidays. */
export const calendarWithChristmasClosure: Calendar = createCalendar({
  bankHolidays,
  closureDays: ["2026-12-29", "2026-12-30", "2026-12-31"].map((date) => ({ date, name: "Christmas shutdown" })),
});

/** An event as it would sit in a log; `seq` is given by `inOrder`. */
export interface LoggedEvent {
  readonly type: CaseEventType;
  readonly at: string;
  readonly data: Record<string, unknown>;
  readonly recordedAt?: string;
}

export const at = <T extends CaseEventType>(
  type: T,
  instant: string,
  data: CaseEventData[T],
  recordedAt?: string,
): LoggedEvent => ({ type, at: instant, data, ...(recordedAt !== undefined && { recordedAt }) });

/** Gives events their place in the log, in the order written. */
export function inOrder(events: readonly LoggedEvent[]): CaseEvent[] {
  return events.map((e, i) => ({ ...e, seq: i + 1, by: { kind: "staff", id: "worker-1" } }) as CaseEvent);
}

/** A case of the given kind whose log is exactly these events. */
export function caseOf(kind: ContactKind, events: readonly LoggedEvent[], state: CaseState = "allocated"): Case {
  const log = inOrder(events);
  return { id: "FC-2026-000123", profileId: "test", state, kind, openedAt: log[0]?.at ?? "", events: log };
}
