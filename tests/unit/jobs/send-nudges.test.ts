import { describe, expect, it } from "vitest";
import { NOTICES_PARTITION } from "../../../src/jobs/job-deps.js";
import { sendNudges } from "../../../src/jobs/send-nudges.js";
import type { DeadlineEntry } from "../../../src/ports/indexes.js";
import { jobDeps } from "./job-fixtures.js";

const at = (iso: string) => new Date(iso);
const lookback = { overdueLookbackDays: 92 };
const endOf = (date: string) => `${date}T23:59:59.999Z`; // GMT in December: London's end of day

const entry = (caseId: string, rule: string, threshold: DeadlineEntry["threshold"], dueAt: string, workerId?: string) =>
  ({ caseId, rule, instance: 1, threshold, dueAt, ...(workerId ? { workerId } : {}) }) satisfies DeadlineEntry;

/** Tuesday 1 December 2026: what is due soon (by the end of Wednesday), overdue and breached. */
async function aMorningOfClocks() {
  const deps = jobDeps();
  await deps.staff.put("w1", { id: "w1", displayName: "Worker", email: "w1@example.org", roles: [], managerId: "m1" });
  await deps.deadlines.replaceForCase("FC-2026-000001", [
    entry("FC-2026-000001", "4.1a", "maximum", endOf("2026-12-02"), "w1"),
  ]);
  await deps.deadlines.replaceForCase("FC-2026-000002", [
    entry("FC-2026-000002", "1.2", "expected", endOf("2026-11-30")),
    entry("FC-2026-000002", "1.2", "maximum", endOf("2026-12-02")),
  ]);
  await deps.deadlines.replaceForCase("FC-2026-000003", [
    entry("FC-2026-000003", "4.1b", "maximum", endOf("2026-11-27"), "w1"),
  ]);
  await deps.deadlines.replaceForCase("FC-2026-000004", [
    entry("FC-2026-000004", "3.3", "maximum", endOf("2026-12-02")),
  ]);
  return deps;
}

const queued = async (deps: ReturnType<typeof jobDeps>) =>
  (await deps.outbox.listPending(100, "teams")).map((i) => `${i.key} → ${String(i.payload["conversation"])}`).sort();

describe("nudges (issue 5 §6)", () => {
  it("queues a digest per person, an overdue note per clock, the Pre-Allocation List reminder and an escalation at the maximum", async () => {
    const deps = await aMorningOfClocks();

    const run = await sendNudges(deps, at("2026-12-01T10:00:00Z"), lookback);

    expect(run).toMatchObject({ ran: true, clocks: 4 });
    expect(await queued(deps)).toEqual([
      "digest~duty~2026-12-01 → duty",
      "digest~w1~2026-12-01 → user~w1",
      "escalate~FC-2026-000003~4.1b~1 → user~m1",
      "overdue~FC-2026-000002~1.2~1 → duty",
      "overdue~FC-2026-000003~4.1b~1 → user~w1",
      "pal~FC-2026-000004~1 → duty",
    ]);
  });

  it("says in the digest which rule each clock is, with its citation and status", async () => {
    const deps = await aMorningOfClocks();

    await sendNudges(deps, at("2026-12-01T10:00:00Z"), lookback);

    const digest = await deps.outbox.get(NOTICES_PARTITION, "digest~w1~2026-12-01");
    expect(digest?.payload["clocks"]).toEqual([
      expect.objectContaining({ caseId: "FC-2026-000003", ruleId: "4.1b", status: "breached" }),
      expect.objectContaining({ caseId: "FC-2026-000001", ruleId: "4.1a", status: "due-soon" }),
    ]);
    expect(JSON.stringify(digest?.payload)).toContain("Family Solutions Practice Framework §4.1");
  });

  it("11.6 tells the practitioner and their manager when the practitioner's supervision comes due, in each one's digest", async () => {
    const deps = jobDeps();
    await deps.staff.put("w1", {
      id: "w1",
      displayName: "Worker",
      email: "w1@example.org",
      roles: [],
      managerId: "m1",
    });
    await deps.deadlines.replaceForCase("supervision~w1", [
      entry("supervision~w1", "11.6", "maximum", endOf("2026-12-02"), "w1"),
    ]);

    await sendNudges(deps, at("2026-12-01T10:00:00Z"), lookback);

    expect(await queued(deps)).toEqual(["digest~m1~2026-12-01 → user~m1", "digest~w1~2026-12-01 → user~w1"]);
    const managers = await deps.outbox.get(NOTICES_PARTITION, "digest~m1~2026-12-01");
    expect(managers?.payload["clocks"]).toEqual([
      expect.objectContaining({ caseId: "supervision~w1", ruleId: "11.6", status: "due-soon" }),
    ]);
  });

  it("escalates only once the maximum has passed, not at the expectation", async () => {
    const deps = jobDeps();
    await deps.staff.put("w1", { id: "w1", displayName: "W", email: "w1@example.org", roles: [], managerId: "m1" });
    await deps.deadlines.replaceForCase("FC-2026-000005", [
      entry("FC-2026-000005", "3.2", "expected", endOf("2026-12-01"), "w1"),
      entry("FC-2026-000005", "3.2", "maximum", endOf("2026-12-03"), "w1"),
    ]);

    await sendNudges(deps, at("2026-12-02T10:00:00Z"), lookback);
    expect(await deps.outbox.get("FC-2026-000005", "escalate~FC-2026-000005~3.2~1")).toBeUndefined();
    await sendNudges(deps, at("2026-12-04T10:00:00Z"), lookback);

    expect(await deps.outbox.get("FC-2026-000005", "escalate~FC-2026-000005~3.2~1")).toMatchObject({
      payload: { conversation: "user~m1", status: "breached" },
    });
  });

  it("sends one digest per person per day however often it runs", async () => {
    const deps = await aMorningOfClocks();

    for (const time of ["09:00", "09:15", "13:30", "16:45"])
      await sendNudges(deps, at(`2026-12-01T${time}:00Z`), lookback);

    const keys = (await deps.outbox.listPending(100, "teams")).map((i) => i.key);
    expect(keys.filter((k) => k.startsWith("digest~w1~"))).toEqual(["digest~w1~2026-12-01"]);
    expect(keys.filter((k) => k.startsWith("overdue~FC-2026-000003~"))).toHaveLength(1);
  });

  it("nudges no one at 20:00 or on a Sunday", async () => {
    const deps = await aMorningOfClocks();

    expect(await sendNudges(deps, at("2026-12-01T20:00:00Z"), lookback)).toEqual({
      ran: false,
      reason: "outside-working-hours",
    });
    expect(await sendNudges(deps, at("2026-12-06T11:00:00Z"), lookback)).toMatchObject({ ran: false });
    expect(await queued(deps)).toEqual([]);
  });

  it("reads only the due window of the deadline index, however many clocks fall due later, and no case", async () => {
    const deps = await aMorningOfClocks();
    for (let n = 100; n < 160; n++) {
      const id = `FC-2026-000${n}`;
      await deps.deadlines.replaceForCase(id, [entry(id, "5.1a", "maximum", endOf(`2027-0${(n % 5) + 4}-10`), "w1")]);
    }
    deps.store.metrics.reset();

    const run = await sendNudges(deps, at("2026-12-01T10:00:00Z"), lookback);

    expect(run).toMatchObject({ clocks: 4 });
    const byTable = deps.store.metrics.byTable();
    // One query over the months from the lookback (31 August) to the end of the window (December).
    expect(byTable["Deadlines"]).toBe(1);
    expect(byTable["Cases"]).toBeUndefined();
  });
});
