import { startAzurite } from "../dev/azurite.js";
import { DEFAULT_CENTRE_ID } from "../src/compose/config-schema.js";
import { appDepsFromConfig } from "../src/compose/app-deps-from-config.js";
import { loadConfig } from "../src/compose/config.js";
import { sendNudges } from "../src/jobs/send-nudges.js";
import { DEFAULT_JOB_SETTINGS } from "../src/jobs/standard-jobs.js";
import { silentLogger } from "../src/logging/logger.js";
import { loadProfile } from "../src/policy/profiles/index.js";
import { seedDeadlines, type SeededClock } from "./support/seed-deadlines.js";
import { startTableProxy } from "./support/table-proxy.js";

export interface NudgeResult {
  readonly openCases: number;
  readonly due: number;
  readonly clocksFound: number;
  readonly queued: number;
  readonly tableOps: number;
  readonly ms: number;
  readonly seedMs: number;
}

/** A Tuesday at 10:00 in London (GMT in March): inside working hours, so the job runs. */
const NOW = new Date("2026-03-10T10:00:00Z");
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const WORKERS = 40;

/**
 * One open clock per case: `dueShare` of them due within the next few hours (inside the profile's "due soon"),
 * the rest spread from three days to six months ahead. Every fifth due clock has no worker yet (duty's list).
 */
function* openClocks(openCases: number, dueShare: number, rule: string): Generator<SeededClock> {
  const dueEvery = Math.round(1 / dueShare);
  for (let i = 0; i < openCases; i++) {
    const caseId = `FC-2026-${String(i + 1).padStart(6, "0")}`;
    const due = i % dueEvery === 0;
    const dueAt = due
      ? new Date(NOW.getTime() + HOUR + (i % 5) * 10 * 60_000)
      : new Date(NOW.getTime() + 3 * DAY + (i % 180) * DAY + (i % 97) * 60_000);
    const allocated = !due || i % (dueEvery * 5) !== 0;
    yield { caseId, rule, dueAt, ...(allocated ? { workerId: `staff-${i % WORKERS}` } : {}) };
  }
}

/** Seeds the deadline index for `openCases` open cases, then times one `sendNudges` run and counts its table operations. */
export async function benchNudge(
  openCases: number,
  dueShare: number,
  log: (line: string) => void,
): Promise<NudgeResult> {
  const azurite = await startAzurite();
  const tables = await startTableProxy(azurite);
  try {
    const profile = loadProfile("family-solutions");
    const rule = profile.rules.find((r) => r.kind === "clock")?.id;
    if (rule === undefined) throw new Error("the profile has no clock rule to seed");
    const seedStarted = Date.now();
    const seeded = await seedDeadlines(
      azurite.connectionString,
      openClocks(openCases, dueShare, rule),
      DEFAULT_CENTRE_ID,
    );
    const seedMs = Date.now() - seedStarted;
    const config = loadConfig({ FC_MODE: "local", FC_STORAGE_CONNECTION_STRING: tables.connectionString });
    const { deps, store } = await appDepsFromConfig(config, silentLogger, { now: () => NOW });
    tables.reset();
    const started = performance.now();
    const run = await sendNudges({ ...deps, staff: store.staff }, NOW, {
      overdueLookbackDays: DEFAULT_JOB_SETTINGS.overdueLookbackDays,
    });
    const ms = Math.round(performance.now() - started);
    if (!run.ran) throw new Error(`the nudge job did not run at ${NOW.toISOString()}: ${run.reason}`);
    const due = Math.ceil(openCases / Math.round(1 / dueShare));
    log(`nudge: ${seeded} open clocks seeded in ${seedMs} ms; ${run.clocks} due found, ${run.queued} notices queued`);
    return { openCases, due, clocksFound: run.clocks, queued: run.queued, tableOps: tables.counts().total, ms, seedMs };
  } finally {
    await tables.close();
    await azurite.stop();
  }
}
