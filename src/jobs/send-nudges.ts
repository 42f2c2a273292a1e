import { dueAt } from "../domain/rules/due-at.js";
import type { NewOutboxItem } from "../ports/outbox.js";
import type { JobDeps } from "./job-deps.js";
import { dueClocks, planNudges, practitionersToEscalate } from "./nudge-plan.js";

const DAY_MS = 24 * 60 * 60_000;

export interface NudgeOptions {
  /**
   * How far back the scan looks for clocks still overdue. The index keeps a running clock's rows until it stops,
   * so this bounds the months read each run (not a practice timescale: nothing is due by it).
   */
  readonly overdueLookbackDays: number;
}

export type NudgeRun =
  | { readonly ran: false; readonly reason: "outside-working-hours" }
  | { readonly ran: true; readonly clocks: number; readonly queued: number; readonly alreadyQueued: number };

/**
 * Nudges practitioners (issue 5 §6), in working hours on working days only. Reads the deadline index for what is
 * overdue or falls due before the profile's `dueSoon` (cost O(due), never a scan of cases), then queues each
 * notice once through the Teams outbox: nothing is sent from here.
 */
export async function sendNudges(deps: JobDeps, now: Date, options: NudgeOptions): Promise<NudgeRun> {
  if (!deps.calendar.isWithinWorkingHours(now)) return { ran: false, reason: "outside-working-hours" };
  const from = new Date(now.getTime() - options.overdueLookbackDays * DAY_MS);
  // Due soon includes a clock due at exactly that instant (deadline.ts); the index range ends before `to`.
  const to = new Date(dueAt(now, deps.profile.dueSoon, deps.calendar).getTime() + 1);
  const clocks = dueClocks(await deps.deadlines.dueBetween(from, to), now);

  const managerOf = new Map<string, string>();
  for (const id of practitionersToEscalate(clocks)) {
    const manager = (await deps.staff.get(id))?.value.managerId;
    if (manager === undefined) deps.logger.warn("nudge.no-manager", { staffId: id });
    else managerOf.set(id, manager);
  }

  const plan = planNudges({ clocks, profile: deps.profile, date: deps.calendar.localDate(now), managerOf });
  let queued = 0;
  for (const item of plan) if (await queueOnce(deps, item, now)) queued++;
  deps.logger.info("nudges.queued", { clocks: clocks.length, queued, alreadyQueued: plan.length - queued });
  return { ran: true, clocks: clocks.length, queued, alreadyQueued: plan.length - queued };
}

/** A point read first: on later runs an already-queued notice costs one read, not an insert attempt. */
async function queueOnce(deps: JobDeps, item: NewOutboxItem, now: Date): Promise<boolean> {
  if ((await deps.outbox.get(item.caseId, item.key)) !== undefined) return false;
  return (await deps.outbox.enqueue(item, now)).enqueued;
}
