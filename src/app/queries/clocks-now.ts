import type { Case } from "../../domain/case.js";
import { deadlines, runningDeadlines, type Deadline } from "../../domain/rules/deadlines.js";
import type { AppDeps } from "../app-deps.js";

export type ClockDeps = Pick<AppDeps, "profile" | "calendar" | "clock">;

/** One reading's clocks: every case it shows is read against the same `now`, read once from the clock. */
export interface ClocksNow {
  readonly now: Date;
  /** Every instance of every clock: running, met and cancelled. */
  all(kase: Case): Deadline[];
  /** Only the clocks still running (lists show nothing else, so finished ones are not computed). */
  running(kase: Case): Deadline[];
}

export function clocksNow(deps: ClockDeps): ClocksNow {
  const now = deps.clock.now();
  return {
    now,
    all: (kase) => deadlines(kase, deps.profile, deps.calendar, now),
    running: (kase) => runningDeadlines(kase, deps.profile, deps.calendar, now),
  };
}
