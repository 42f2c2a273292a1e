import type { Calendar } from "../../domain/calendar/calendar.js";
import type { ClockDeps } from "./clock-view.js";

function memo<A, R>(compute: (arg: A) => R, keyOf: (arg: A) => string | number): (arg: A) => R {
  const answers = new Map<string | number, R>();
  return (arg) => {
    const key = keyOf(arg);
    if (answers.has(key)) return answers.get(key) as R;
    const answer = compute(arg);
    answers.set(key, answer);
    return answer;
  };
}

/**
 * The calendar answering each question once: it is a pure function of its data, and the time-zone arithmetic
 * behind a due instant is most of a page's work (every running clock asks the same "due soon" question of the
 * same `now`). Lives for one request only, so a calendar an admin changes is read afresh by the next one.
 */
function onceEach(calendar: Calendar): Calendar {
  const pair = ([date, n]: readonly [string, number]) => `${date}|${n}`;
  const addCalendarDays = memo(([date, n]: readonly [string, number]) => calendar.addCalendarDays(date, n), pair);
  const addCalendarMonths = memo(([date, n]: readonly [string, number]) => calendar.addCalendarMonths(date, n), pair);
  const addWorkingDays = memo(([date, n]: readonly [string, number]) => calendar.addWorkingDays(date, n), pair);
  const localDate = memo(
    (instant: Date) => calendar.localDate(instant),
    (instant) => instant.getTime(),
  );
  const endOfDay = memo(
    (date: string) => calendar.endOfDay(date),
    (date) => date,
  );
  const startOfDay = memo(
    (date: string) => calendar.startOfDay(date),
    (date) => date,
  );
  return {
    timeZone: calendar.timeZone,
    localDate,
    // A fresh Date each time: a caller may not share (and mutate) another's.
    endOfDay: (date) => new Date(endOfDay(date)),
    startOfDay: (date) => new Date(startOfDay(date)),
    isWorkingDay: (date) => calendar.isWorkingDay(date),
    nonWorkingReason: (date) => calendar.nonWorkingReason(date),
    addCalendarDays: (date, days) => addCalendarDays([date, days]),
    addCalendarMonths: (date, months) => addCalendarMonths([date, months]),
    addWorkingDays: (date, n) => addWorkingDays([date, n]),
    isWithinWorkingHours: (instant) => calendar.isWithinWorkingHours(instant),
    nextWorkingInstant: (instant) => calendar.nextWorkingInstant(instant),
    holidays: (year) => calendar.holidays(year),
  };
}

/** One request's clocks: one `now` for every case on the page, and a calendar that answers each question once. */
export function requestClocks(deps: ClockDeps): ClockDeps {
  const now = deps.clock.now();
  return { profile: deps.profile, calendar: onceEach(deps.calendar), clock: { now: () => new Date(now) } };
}
