import { createOutboxRenderer } from "../../../bot/proactive/render-outbox-item.js";
import { createScheduler, type Scheduler } from "../../../src/jobs/scheduler.js";
import { DEFAULT_JOB_SETTINGS, standardJobs } from "../../../src/jobs/standard-jobs.js";
import type { BotHarness } from "./bot-harness.js";

const TEAMS_JOBS = ["agendas", "nudges", "teams-outbox"];

/** The service's Teams jobs (agendas, nudges, the Teams drain) on the harness's clock, store and bot. */
export function teamsJobs(harness: BotHarness): Scheduler {
  const jobs = standardJobs(
    { ...harness.deps.app, staff: harness.store.staff },
    {
      ...DEFAULT_JOB_SETTINGS,
      holderId: "instance-a",
      teams: { notifier: harness.bot.notifier, renderCard: createOutboxRenderer(harness.deps) },
    },
  );
  return createScheduler({
    jobs: jobs.filter((j) => TEAMS_JOBS.includes(j.name)),
    leases: harness.store.leases,
    clock: harness.clock,
    logger: harness.deps.app.logger,
    holderId: "instance-a",
  });
}

/** One round of each Teams job, in the order the service's ticks would leave them. */
export async function tick(scheduler: Scheduler): Promise<void> {
  for (const job of TEAMS_JOBS) await scheduler.runOnce(job);
}
