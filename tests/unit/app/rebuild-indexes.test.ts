import { describe, expect, it } from "vitest";
import { rebuildIndexes } from "../../../src/app/rebuild-indexes.js";
import type { Case } from "../../../src/domain/case.js";
import type { ClockOutcomeEntry } from "../../../src/ports/indexes.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { aCase, closureReady } from "../../../dev/builders/case-builder.js";
import { memoryApp } from "./memory-app.js";

const NOW = "2026-06-10T12:00:00.000Z";

/** The use cases' deps over one memory store, and that store (its rebuilds included). */
function withStore() {
  const store = createMemoryStore();
  return { store, deps: { ...memoryApp(NOW), ...store } };
}

/** A case written to the Cases table only, as if every index write after it had been lost. */
async function savedWithoutIndexes(deps: ReturnType<typeof withStore>["deps"], kase: Case): Promise<void> {
  await deps.cases.create(kase, kase.events, []);
}

describe("rebuilding the derived tables from the case rows (fc rebuild-indexes, the nightly repair)", () => {
  it("recomputes worklists, the deadline index and the compliance figures from the case rows", async () => {
    const { deps } = withStore();
    const waiting = aCase().withId("FC-2026-000001").receivedAt("2026-06-10T09:00:00.000Z").build();
    const closed = aCase()
      .withId("FC-2026-000002")
      .receivedAt("2026-06-09T09:00:00.000Z")
      .screenedAs("no-further-action", { note: "Needs met by school.", at: "2026-06-09T11:00:00.000Z" })
      .build();
    await savedWithoutIndexes(deps, waiting);
    await savedWithoutIndexes(deps, closed);
    expect((await deps.worklists.list("awaiting-screening")).items).toEqual([]);
    expect(await deps.compliance.clockOutcomes("2026-06-01", "2026-06-30")).toEqual([]);

    const counts = await rebuildIndexes(deps, deps.clock.now());

    expect(counts.cases).toBe(2);
    expect((await deps.worklists.list("awaiting-screening")).items.map((e) => e.caseId)).toEqual(["FC-2026-000001"]);
    const due = await deps.deadlines.dueBetween(new Date("2026-06-01T00:00:00Z"), new Date("2026-07-31T00:00:00Z"));
    expect(due.length).toBe(counts.deadlines);
    expect(due).toContainEqual(expect.objectContaining({ caseId: "FC-2026-000001", rule: "1.2" }));
    const outcomes = await deps.compliance.clockOutcomes("2026-06-01", "2026-06-30");
    expect(outcomes).toContainEqual(
      expect.objectContaining({ caseId: "FC-2026-000002", rule: "1.1", outcome: "cancelled" }),
    );
    expect(outcomes).toContainEqual(
      expect.objectContaining({ caseId: "FC-2026-000002", rule: "1.3", outcome: "on-time" }),
    );
    const open = await deps.compliance.openBetween("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    expect(open.items.map((e) => e.caseId)).toEqual(["FC-2026-000001"]);
  });

  it("recomputes compliance rows stored before closing kept breaches: 4.3 counted cancelled becomes late", async () => {
    const { deps } = withStore();
    const kase = aCase()
      .withId("FC-2026-000003")
      .receivedAt("2026-05-01T09:00:00.000Z")
      .allocatedOn("2026-05-01T10:00:00.000Z")
      .then({ type: "requestClosure", checklist: closureReady(), summary: "Done." }, { at: "2026-06-01T10:00:00.000Z" })
      .then({ type: "signOffClosure", endDate: "2026-06-02" }, { at: "2026-06-02T10:00:00.000Z" })
      .build();
    await savedWithoutIndexes(deps, kase);
    // The row an earlier version of the service wrote: the sign-off cancelled every open clock.
    const laundered: ClockOutcomeEntry = {
      caseId: kase.id,
      rule: "4.3",
      instance: 1,
      finishedOn: "2026-06-02",
      outcome: "cancelled",
    };
    await deps.compliance.replaceForCase(kase.id, kase.events.length, {
      clockOutcomes: [laundered],
      decisions: [],
    });

    await rebuildIndexes(deps, deps.clock.now());

    const rows = await deps.compliance.clockOutcomes("2026-06-01", "2026-06-30");
    expect(rows.filter((r) => r.rule === "4.3")).toEqual([
      { ...laundered, outcome: "late", withinMaximum: false, unmet: true },
    ]);
  });

  it("drops deadline entries no case accounts for any more", async () => {
    const { deps } = withStore();
    await deps.deadlines.replaceForCase("FC-2026-000099", [
      { caseId: "FC-2026-000099", rule: "1.2", instance: 1, threshold: "expected", dueAt: "2026-06-11T22:59:59.999Z" },
    ]);

    await rebuildIndexes(deps, deps.clock.now());

    expect(await deps.deadlines.dueBetween(new Date("2026-06-01T00:00:00Z"), new Date("2026-07-01T00:00:00Z"))).toEqual(
      [],
    );
  });
});
