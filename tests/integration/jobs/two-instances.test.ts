import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { createScheduler } from "../../../src/jobs/scheduler.js";
import { DEFAULT_JOB_SETTINGS, standardJobs } from "../../../src/jobs/standard-jobs.js";
import type { TeamsNotifier } from "../../../src/ports/teams.js";
import { createTableStore } from "../../../src/store/create-table-store.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { jobDeps, onQueues } from "../../unit/jobs/job-fixtures.js";

/** Teams as both instances see it: one record of every card posted, by the item it was rendered from. */
class CountingTeams implements TeamsNotifier {
  readonly posted: string[] = [];
  async post(conversation: string, card: Readonly<Record<string, unknown>>) {
    this.posted.push(`${String(card["key"])} → ${conversation}`);
    return { activityId: `activity-${this.posted.length}` };
  }
  async update() {}
}

const TEAMS_JOBS = ["agendas", "nudges", "teams-outbox"];

describe("leased jobs on Azure Tables (Azurite): two instances, one sender", () => {
  it("posts each agenda and nudge once when two schedulers tick over the same store", async () => {
    const store = await createTableStore(inject("azuriteConnectionString"), {
      allowInsecureConnection: true,
      tablePrefix: `Jobs${randomBytes(6).toString("hex")}`,
    });
    const deps = jobDeps(store, { now: "2026-12-01T09:30:00Z" }); // Tuesday: screening and MAAM
    await onQueues(
      deps,
      aCase().withId("FC-2026-000301").receivedAt("2026-11-26T10:00:00Z").build(),
      aCase().withId("FC-2026-000302").screenedAs("maam").build(),
    );
    await deps.staff.put("w1", { id: "w1", displayName: "W", email: "w1@example.org", roles: [], managerId: "m1" });
    await deps.deadlines.replaceForCase("FC-2026-000303", [
      {
        caseId: "FC-2026-000303",
        rule: "4.1b",
        instance: 1,
        threshold: "maximum",
        dueAt: "2026-11-27T23:59:59.999Z",
        workerId: "w1",
      },
    ]);
    const teams = new CountingTeams();
    const [a, b] = ["instance-a", "instance-b"].map((holderId) =>
      createScheduler({
        jobs: standardJobs(deps, {
          ...DEFAULT_JOB_SETTINGS,
          holderId,
          teams: { notifier: teams, renderCard: async (item) => [{ key: item.key }] },
        }).filter((job) => TEAMS_JOBS.includes(job.name)),
        leases: store.leases,
        clock: deps.clock,
        logger: deps.logger,
        holderId,
      }),
    );

    for (const at of ["2026-12-01T09:30:00Z", "2026-12-01T09:45:00Z", "2026-12-01T10:00:00Z"]) {
      deps.clock.set(at);
      for (const job of TEAMS_JOBS) await Promise.all([a!.runOnce(job), b!.runOnce(job)]);
    }

    expect([...teams.posted].sort()).toEqual([
      "agenda~maam~2026-12-01 → maam",
      "agenda~screening~2026-12-01 → screening",
      "digest~w1~2026-12-01 → user~w1",
      "escalate~FC-2026-000303~4.1b~1 → user~m1",
      "overdue~FC-2026-000303~4.1b~1 → user~w1",
    ]);
    expect(await store.outbox.listPending(50, "teams")).toEqual([]);
  });
});
