import { DateTime } from "luxon";
import { applyRetention, type RetentionRun } from "../app/data-protection/retention.js";
import type { LocalDate } from "../domain/calendar/calendar.js";
import { isWriteRace } from "../ports/errors.js";
import { parseTimeOfDay, type TimeOfDay } from "./agenda-plan.js";
import type { JobDeps } from "./job-deps.js";

/** Where the last London date the retention schedule was applied is kept in `deps.sync`. */
export const RETENTION_KEY = "nightly-retention";
/** Like the repair: only in the quiet hours after `at`; a night it could not run waits for the next. */
const WINDOW_MINUTES = 4 * 60;

export type RetentionNight =
  | { readonly outcome: "not-due" | "already-done"; readonly date: LocalDate }
  | { readonly outcome: "applied"; readonly date: LocalDate; readonly run: RetentionRun };

/**
 * Once a London night, in the four hours from `at` (leased by the scheduler, so one instance runs it), deletes what
 * the retention schedule says is due (`applyRetention`). The date is saved only after the whole run: a run stopped
 * part-way runs again, and each case is deleted with its own partition last, so nothing is left half-found.
 */
export async function nightlyRetention(deps: JobDeps, now: Date, at: TimeOfDay): Promise<RetentionNight> {
  const from = parseTimeOfDay("The nightly retention time", at);
  const date = deps.calendar.localDate(now);
  const stored = await deps.sync.get(RETENTION_KEY);
  if (stored?.value.lastRepairDate === date) return { outcome: "already-done", date };
  const local = DateTime.fromJSDate(now, { zone: deps.calendar.timeZone });
  const minutesSince = (local.hour * 60 + local.minute - (from.hour * 60 + from.minute) + 24 * 60) % (24 * 60);
  if (minutesSince >= WINDOW_MINUTES) return { outcome: "not-due", date };
  const run = await applyRetention(deps, now);
  try {
    await deps.sync.put(RETENTION_KEY, { ...(stored?.value ?? {}), lastRepairDate: date }, stored?.etag);
  } catch (error) {
    if (!isWriteRace(error)) throw error;
  }
  return { outcome: "applied", date, run };
}
