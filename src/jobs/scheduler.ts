import { describeError, type Logger } from "../logging/logger.js";
import { traceJobRun } from "../logging/telemetry.js";
import type { Clock } from "../ports/clock.js";
import type { Lease, Leases } from "../ports/leases.js";
import { duplicateJob, invalidInterval } from "./errors.js";

/** One recurring job. `run` decides from `now` alone whether there is anything to do (agendas check the day). */
export interface Job {
  readonly name: string;
  readonly everyMs: number;
  /** How long one run may hold the job's lease; a crashed holder's lease lapses after it. Defaults to `everyMs`. */
  readonly leaseMs?: number;
  /** Part of the mailbox's pipeline: runs only on the instance holding it (src/jobs/pipeline-leases.ts). */
  readonly mailPipeline?: true;
  run(now: Date): Promise<unknown>;
}

/** `setTimeout` and `clearTimeout`, injectable so tests step time instead of sleeping. */
export interface Timer {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimer: Timer = {
  set: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SchedulerOptions {
  readonly jobs: readonly Job[];
  readonly leases: Leases;
  readonly clock: Clock;
  readonly logger: Logger;
  /** This instance's name on the leases it takes (e.g. host name + process id). */
  readonly holderId: string;
  readonly timer?: Timer;
}

export interface Scheduler {
  start(): void;
  /** Cancels what is scheduled and resolves once the runs under way have finished. */
  stop(): Promise<void>;
  /** Runs one job now, under its lease (what each timer tick does); false when another instance holds it. */
  runOnce(name: string): Promise<boolean>;
}

export const jobLeaseName = (job: Pick<Job, "name">): string => `job~${job.name}`;

/**
 * Runs each job every `everyMs`, each run under a lease so that of several instances only one runs a job at a
 * time. The lease is kept from one tick to the next and renewed (one table write a tick, not an acquire and a
 * release); another instance takes the job over once it lapses, e.g. after this one stopped. A failure is logged
 * (name and code only) and the job simply runs again at its next tick.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { jobs, leases, clock, logger, holderId } = options;
  const timer = options.timer ?? systemTimer;
  const byName = new Map<string, Job>();
  for (const job of jobs) {
    if (byName.has(job.name)) throw duplicateJob(job.name);
    if (!Number.isInteger(job.everyMs) || job.everyMs <= 0) throw invalidInterval(job.name, job.everyMs);
    byName.set(job.name, job);
  }
  const handles = new Map<string, unknown>();
  const running = new Set<Promise<boolean>>();
  let started = false;

  /** Leases kept between ticks: the next tick renews (one write) instead of acquiring and releasing (two). */
  const kept = new Map<string, Lease>();

  async function take(job: Job): Promise<Lease | undefined> {
    const ttlMs = job.leaseMs ?? job.everyMs;
    const mine = kept.get(job.name);
    kept.delete(job.name);
    // ETag-guarded: if another instance took the lease over since (it lapsed), the renewal fails and it is theirs.
    const renewed = mine === undefined ? undefined : await leases.renew(mine, ttlMs, clock.now());
    if (renewed?.acquired) return renewed.lease;
    if (renewed !== undefined && renewed.heldBy !== "") return undefined;
    const taken = await leases.acquire(jobLeaseName(job), holderId, ttlMs, clock.now());
    return taken.acquired ? taken.lease : undefined;
  }

  async function guardedRun(job: Job): Promise<boolean> {
    try {
      const lease = await take(job);
      if (lease === undefined) return false;
      // Kept while it runs and after: it lapses by itself if this instance stops without releasing it.
      kept.set(job.name, lease);
      await traceJobRun(job.name, () => job.run(clock.now()));
      return true;
    } catch (error) {
      logger.error("job.failed", { job: job.name, ...describeError(error) });
      return false;
    }
  }

  function track(job: Job): Promise<boolean> {
    const run = guardedRun(job);
    running.add(run);
    void run.finally(() => running.delete(run));
    return run;
  }

  function schedule(job: Job, delayMs: number): void {
    handles.set(
      job.name,
      timer.set(() => {
        handles.delete(job.name);
        void track(job).finally(() => {
          if (started) schedule(job, job.everyMs);
        });
      }, delayMs),
    );
  }

  return {
    start() {
      if (started) return;
      started = true;
      for (const job of jobs) schedule(job, 0);
      logger.info("scheduler.started", { holderId, jobs: jobs.length });
    },
    async stop() {
      started = false;
      for (const handle of handles.values()) timer.clear(handle);
      handles.clear();
      await Promise.all(running);
      await Promise.all([...kept.values()].map((lease) => leases.release(lease)));
      kept.clear();
    },
    runOnce(name) {
      const job = byName.get(name);
      return job === undefined ? Promise.resolve(false) : track(job);
    },
  };
}
