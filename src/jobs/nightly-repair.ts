import { DateTime } from "luxon";
import { queueOutcomeLetters } from "../app/record-decision.js";
import { rebuildIndexes, type RebuildCounts } from "../app/rebuild-indexes.js";
import type { LocalDate } from "../domain/calendar/calendar.js";
import { isWriteRace } from "../ports/errors.js";
import { parseTimeOfDay, type TimeOfDay } from "./agenda-plan.js";
import type { JobDeps } from "./job-deps.js";

/** Where the last repaired London date is kept in `deps.sync`. */
export const REPAIR_KEY = "nightly-repair";
/** The repair runs only in the quiet hours after `at`: a night it could not run waits for the next night. */
const WINDOW_MINUTES = 4 * 60;

export type RepairRun =
  | { readonly outcome: "not-due" | "already-done"; readonly date: LocalDate }
  | { readonly outcome: "repaired"; readonly date: LocalDate; readonly counts: RebuildCounts };

/**
 * Once a London night, in the four hours from `at`, puts right what a crash between two writes can leave behind: the
 * derived tables are recomputed from the case rows (a change whose index writes were lost shows up on worklists and
 * nudges again), and every decision that calls for an outcome letter (2.2, 3.1) has it queued — `queueOutcomeLetters`
 * is insert-if-absent by the decision's own key, so a letter already queued or sent is never doubled. The date is
 * saved only after the whole run, ETag-guarded: a run stopped part-way is simply run again.
 */
export async function nightlyRepair(deps: JobDeps, now: Date, at: TimeOfDay): Promise<RepairRun> {
  const from = parseTimeOfDay("The nightly repair time", at);
  const date = deps.calendar.localDate(now);
  const stored = await deps.sync.get(REPAIR_KEY);
  if (stored?.value.lastRepairDate === date) return { outcome: "already-done", date };
  const local = DateTime.fromJSDate(now, { zone: deps.calendar.timeZone });
  const minutesSince = (local.hour * 60 + local.minute - (from.hour * 60 + from.minute) + 24 * 60) % (24 * 60);
  if (minutesSince >= WINDOW_MINUTES) return { outcome: "not-due", date };

  const counts = await rebuildIndexes(deps, now, (kase) => queueOutcomeLetters(deps, kase));
  try {
    await deps.sync.put(REPAIR_KEY, { ...(stored?.value ?? {}), lastRepairDate: date }, stored?.etag);
  } catch (error) {
    // Another instance finished the same day's repair first: both runs were complete, nothing is lost.
    if (!isWriteRace(error)) throw error;
  }
  deps.logger.info("repair.done", { date, ...counts });
  return { outcome: "repaired", date, counts };
}
