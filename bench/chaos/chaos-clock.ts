import { DateTime } from "luxon";
import type { Calendar, LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Clock } from "../../src/ports/clock.js";

/** From the real instant `fromRealMs` on, the clock reads `simMs` plus the real time elapsed since. */
export interface ClockStep {
  readonly fromRealMs: number;
  readonly simMs: number;
}

/** The environment variable the chaos run's service entry reads its clock from (never read by src/). */
export const CHAOS_CLOCK_ENV = "FC_CHAOS_CLOCK";

/**
 * A stepped clock shared by every process of the run (computed from the real time alone, so a restarted service and
 * the stand-in agree): real speed within a simulated day, then a jump to the next working day's morning. Real speed
 * keeps leases, patience and retry timings as they are in production; the jumps cross agenda and digest times.
 */
export function steppedNow(steps: readonly ClockStep[], realMs: number): Date {
  let current = steps[0];
  if (current === undefined) throw new RangeError("a stepped clock needs at least one step");
  for (const step of steps) if (step.fromRealMs <= realMs) current = step;
  return new Date(current.simMs + (realMs - current.fromRealMs));
}

export function steppedClock(steps: readonly ClockStep[], realNow: () => number = Date.now): Clock {
  return { now: () => steppedNow(steps, realNow()) };
}

/** The first `count` working days after `after` (London dates). */
export function workingDaysAfter(calendar: Calendar, after: LocalDate, count: number): LocalDate[] {
  const days: LocalDate[] = [];
  let date = DateTime.fromISO(after, { zone: "UTC" });
  while (days.length < count) {
    date = date.plus({ days: 1 });
    const iso = date.toISODate() ?? "";
    if (calendar.isWorkingDay(iso)) days.push(iso);
  }
  return days;
}

/**
 * One step per day: day n starts at real `startRealMs + n × realMsPerDay`, reading `morning` (HH:mm[:ss]) London
 * time on that date. With `thenJumpMs`, the last day's real time is followed by a jump of that much later the same
 * day, for the drain: what a crashed sender left claimed is taken over once its patience has run out.
 */
export function planDays(input: {
  readonly startRealMs: number;
  readonly days: readonly LocalDate[];
  readonly morning: string;
  readonly realMsPerDay: number;
  readonly timeZone: string;
  readonly thenJumpMs?: number;
}): ClockStep[] {
  const steps = input.days.map((date, n) => ({
    fromRealMs: input.startRealMs + n * input.realMsPerDay,
    simMs: DateTime.fromISO(`${date}T${input.morning}`, { zone: input.timeZone }).toMillis(),
  }));
  const last = steps.at(-1);
  if (input.thenJumpMs === undefined || last === undefined) return steps;
  const end = last.fromRealMs + input.realMsPerDay;
  return [...steps, { fromRealMs: end, simMs: last.simMs + input.realMsPerDay + input.thenJumpMs }];
}

export const encodeSteps = (steps: readonly ClockStep[]): string => JSON.stringify(steps);

export function decodeSteps(text: string | undefined): ClockStep[] {
  const steps: unknown = JSON.parse(text ?? "[]");
  const valid =
    Array.isArray(steps) &&
    steps.length > 0 &&
    steps.every((s: Partial<ClockStep>) => Number.isFinite(s.fromRealMs) && Number.isFinite(s.simMs));
  if (!valid) throw new RangeError(`${CHAOS_CLOCK_ENV} must be a JSON list of { fromRealMs, simMs } steps`);
  return steps as ClockStep[];
}
