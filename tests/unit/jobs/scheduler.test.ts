import { describe, expect, it } from "vitest";
import { deliverTeamsOutbox } from "../../../src/jobs/deliver-teams-outbox.js";
import { NOTICES_PARTITION } from "../../../src/jobs/job-deps.js";
import { postAgendas } from "../../../src/jobs/post-agendas.js";
import { createScheduler, type Job, type Timer } from "../../../src/jobs/scheduler.js";
import { createLogger } from "../../../src/logging/logger.js";
import type { TeamsNotifier } from "../../../src/ports/teams.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { jobDeps } from "./job-fixtures.js";

/** A timer the test fires by hand: `fire()` runs every callback due now, as the event loop would. */
class ManualTimer implements Timer {
  private next = 0;
  readonly due = new Map<number, () => void>();
  set(callback: () => void): unknown {
    const handle = this.next++;
    this.due.set(handle, callback);
    return handle;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  fire(): void {
    const callbacks = [...this.due.values()];
    this.due.clear();
    for (const callback of callbacks) callback();
  }
}

/** A Teams stand-in that records every card it was asked to post, and can be told to be slow. */
class RecordingNotifier implements TeamsNotifier {
  readonly posted: { conversation: string; card: Readonly<Record<string, unknown>> }[] = [];
  async post(conversation: string, card: Readonly<Record<string, unknown>>) {
    await new Promise((resolve) => setImmediate(resolve));
    this.posted.push({ conversation, card });
    return { activityId: `activity-${this.posted.length}` };
  }
  async update() {}
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the job scheduler", () => {
  it("posts the screening agenda once when two instances share one store and tick together", async () => {
    const store = createMemoryStore();
    const deps = jobDeps(store, { now: "2026-12-03T09:30:00Z" });
    const notifier = new RecordingNotifier();
    const jobs: Job[] = [
      { name: "agendas", everyMs: 60_000, run: (now) => postAgendas(deps, now, "09:30") },
      {
        name: "teams-outbox",
        everyMs: 5_000,
        run: () => deliverTeamsOutbox(deps, notifier, async (item) => [{ type: "AdaptiveCard", key: item.key }]),
      },
    ];
    const timers = [new ManualTimer(), new ManualTimer()];
    const schedulers = ["instance-a", "instance-b"].map((holderId, i) =>
      createScheduler({
        jobs,
        leases: store.leases,
        clock: deps.clock,
        logger: deps.logger,
        holderId,
        timer: timers[i],
      }),
    );
    for (const s of schedulers) s.start();

    for (let tick = 0; tick < 4; tick++) {
      for (const t of timers) t.fire();
      for (let i = 0; i < 20; i++) await settle();
    }
    await Promise.all(schedulers.map((s) => s.stop()));

    expect(notifier.posted).toEqual([
      { conversation: "screening", card: { type: "AdaptiveCard", key: "agenda~screening~2026-12-03" } },
    ]);
    expect(await deps.outbox.get(NOTICES_PARTITION, "agenda~screening~2026-12-03")).toMatchObject({
      state: "sent",
      sentItemId: "activity-1",
    });
  });

  it("lets only one of two instances run a job while the other holds its lease", async () => {
    const store = createMemoryStore();
    const deps = jobDeps(store);
    let runs = 0;
    let finish: () => void = () => {};
    const job: Job = {
      name: "slow",
      everyMs: 60_000,
      run: () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    };
    const [a, b] = ["instance-a", "instance-b"].map((holderId) =>
      createScheduler({ jobs: [job], leases: store.leases, clock: deps.clock, logger: deps.logger, holderId }),
    );

    const first = a!.runOnce("slow");
    await settle();
    const second = await b!.runOnce("slow");
    finish();

    expect(second).toBe(false);
    expect(await first).toBe(true);
    expect(runs).toBe(1);
  });

  it("logs a failing job by name and code only, and runs it again at its next tick", async () => {
    const store = createMemoryStore();
    const deps = jobDeps(store);
    const lines: string[] = [];
    const timer = new ManualTimer();
    let attempts = 0;
    const failing: Job = {
      name: "failing",
      everyMs: 1_000,
      run: () => {
        attempts++;
        return Promise.reject(Object.assign(new Error("Jo Bloggs <jo@example.org> not found"), { code: "X.BROKEN" }));
      },
    };
    const scheduler = createScheduler({
      jobs: [failing],
      leases: store.leases,
      clock: deps.clock,
      logger: createLogger((line) => lines.push(line)),
      holderId: "instance-a",
      timer,
    });

    scheduler.start();
    for (let tick = 0; tick < 2; tick++) {
      timer.fire();
      for (let i = 0; i < 10; i++) await settle();
    }
    await scheduler.stop();

    expect(attempts).toBe(2);
    const failures = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l["event"] === "job.failed");
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ job: "failing", errorCode: "X.BROKEN" });
    expect(lines.join("\n")).not.toContain("Bloggs");
  });

  it("keeps a job's lease from tick to tick (one renewal each), and another instance takes the job once it lapses", async () => {
    const store = createMemoryStore();
    const deps = jobDeps(store);
    const ran: string[] = [];
    const job = (who: string): Job => ({
      name: "email-outbox",
      everyMs: 5_000,
      run: () => Promise.resolve(void ran.push(who)),
    });
    const [a, b] = ["instance-a", "instance-b"].map((holderId) =>
      createScheduler({
        jobs: [job(holderId)],
        leases: store.leases,
        clock: deps.clock,
        logger: deps.logger,
        holderId,
      }),
    );

    await a!.runOnce("email-outbox");
    store.metrics.reset();
    deps.clock.set("2026-12-01T09:30:04Z");
    await a!.runOnce("email-outbox");
    const renewal = store.metrics.byOperation();
    expect(await b!.runOnce("email-outbox")).toBe(false);
    deps.clock.set("2026-12-01T09:30:10Z"); // instance a stopped ticking: its lease lapses
    expect(await b!.runOnce("email-outbox")).toBe(true);
    expect(await a!.runOnce("email-outbox")).toBe(false);

    expect(renewal).toEqual({ "Leases replace": 1 });
    expect(ran).toEqual(["instance-a", "instance-a", "instance-b"]);
  });

  it("releases the leases it keeps when stopped, so another instance need not wait for them to lapse", async () => {
    const store = createMemoryStore();
    const deps = jobDeps(store);
    const job: Job = { name: "nudges", everyMs: 60_000, run: () => Promise.resolve() };
    const [a, b] = ["instance-a", "instance-b"].map((holderId) =>
      createScheduler({ jobs: [job], leases: store.leases, clock: deps.clock, logger: deps.logger, holderId }),
    );
    await a!.runOnce("nudges");

    await a!.stop();

    expect(await b!.runOnce("nudges")).toBe(true);
  });

  it("refuses two jobs of the same name, whose runs would share one lease", () => {
    const job: Job = { name: "agendas", everyMs: 60_000, run: () => Promise.resolve() };
    const deps = jobDeps();

    expect(() =>
      createScheduler({ jobs: [job, job], leases: deps.leases, clock: deps.clock, logger: deps.logger, holderId: "a" }),
    ).toThrow(expect.objectContaining({ code: "JOBS.DUPLICATE_JOB" }));
  });
});
