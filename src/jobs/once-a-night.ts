import { DateTime } from "luxon";
import type { LocalDate } from "../domain/calendar/calendar.js";
import { isWriteRace } from "../ports/errors.js";
import { parseTimeOfDay, type TimeOfDay } from "./agenda-plan.js";
import type { JobDeps } from "./job-deps.js";

/** Nightly work runs only in the quiet hours after its time: a night it could not run waits for the next night. */
const WINDOW_MINUTES = 4 * 60;

export type NightlyRun<T> =
  | { readonly outcome: "not-due" | "already-done"; readonly date: LocalDate }
  | { readonly outcome: "ran"; readonly date: LocalDate; readonly result: T };

/**
 * Runs `work` once a London night, in the four hours from `at`, remembering the date under `key` in `deps.sync`.
 * The date is saved only after the whole run, ETag-guarded: a run stopped part-way is simply run again.
 */
export async function onceANight<T>(
  deps: JobDeps,
  key: string,
  now: Date,
  at: { readonly time: TimeOfDay; readonly name: string },
  work: () => Promise<T>,
): Promise<NightlyRun<T>> {
  const from = parseTimeOfDay(at.name, at.time);
  const date = deps.calendar.localDate(now);
  const stored = await deps.sync.get(key);
  if (stored?.value.lastRepairDate === date) return { outcome: "already-done", date };
  const local = DateTime.fromJSDate(now, { zone: deps.calendar.timeZone });
  const minutesSince = (local.hour * 60 + local.minute - (from.hour * 60 + from.minute) + 24 * 60) % (24 * 60);
  if (minutesSince >= WINDOW_MINUTES) return { outcome: "not-due", date };
  const result = await work();
  try {
    await deps.sync.put(key, { ...(stored?.value ?? {}), lastRepairDate: date }, stored?.etag);
  } catch (error) {
    // Another instance finished the same night's run first: both runs were complete, nothing is lost.
    if (!isWriteRace(error)) throw error;
  }
  return { outcome: "ran", date, result };
}
