import { completeTransfers } from "../app/centres/transfer-to-centre.js";
import { queueOutcomeLetters } from "../app/record-decision.js";
import { rebuildIndexes, type RebuildCounts } from "../app/rebuild-indexes.js";
import type { LocalDate } from "../domain/calendar/calendar.js";
import type { TimeOfDay } from "./agenda-plan.js";
import type { JobDeps } from "./job-deps.js";
import { onceANight } from "./once-a-night.js";

/** Where the last repaired London date is kept in `deps.sync`. */
export const REPAIR_KEY = "nightly-repair";

export type RepairRun =
  | { readonly outcome: "not-due" | "already-done"; readonly date: LocalDate }
  | { readonly outcome: "repaired"; readonly date: LocalDate; readonly counts: RebuildCounts };

/**
 * Once a London night, in the four hours from `at`, puts right what a crash between two writes can leave behind: the
 * derived tables are recomputed from the case rows (a change whose index writes were lost shows up on worklists and
 * nudges again), and every decision that calls for an outcome letter (2.2, 3.1) has it queued — `queueOutcomeLetters`
 * is insert-if-absent by the decision's own key, so a letter already queued or sent is never doubled; and a transfer to
 * another centre stopped between its two writes is finished (`completeTransfers`). The date is
 * saved only after the whole run, ETag-guarded: a run stopped part-way is simply run again.
 */
export async function nightlyRepair(deps: JobDeps, now: Date, at: TimeOfDay): Promise<RepairRun> {
  const night = await onceANight(deps, REPAIR_KEY, now, { time: at, name: "The nightly repair time" }, async () => {
    await completeTransfers(deps);
    return rebuildIndexes(deps, now, (kase) => queueOutcomeLetters(deps, kase));
  });
  if (night.outcome !== "ran") return night;
  deps.logger.info("repair.done", { date: night.date, ...night.result });
  return { outcome: "repaired", date: night.date, counts: night.result };
}
