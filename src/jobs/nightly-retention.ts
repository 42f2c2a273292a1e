import { applyRetention, type RetentionRun } from "../app/data-protection/retention.js";
import type { LocalDate } from "../domain/calendar/calendar.js";
import type { TimeOfDay } from "./agenda-plan.js";
import type { JobDeps } from "./job-deps.js";
import { onceANight } from "./once-a-night.js";

/** Where the last London date the retention schedule was applied is kept in `deps.sync`. */
export const RETENTION_KEY = "nightly-retention";

export type RetentionNight =
  | { readonly outcome: "not-due" | "already-done"; readonly date: LocalDate }
  | { readonly outcome: "applied"; readonly date: LocalDate; readonly run: RetentionRun };

/**
 * Once a London night, in the four hours from `at` (leased by the scheduler, so one instance runs it), deletes what
 * the retention schedule says is due (`applyRetention`). The date is saved only after the whole run: a run stopped
 * part-way runs again, and each case is deleted with its own partition last, so nothing is left half-found.
 */
export async function nightlyRetention(deps: JobDeps, now: Date, at: TimeOfDay): Promise<RetentionNight> {
  const night = await onceANight(deps, RETENTION_KEY, now, { time: at, name: "The nightly retention time" }, () =>
    applyRetention(deps, now),
  );
  return night.outcome === "ran" ? { outcome: "applied", date: night.date, run: night.result } : night;
}
