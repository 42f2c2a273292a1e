import { describe, expect, it } from "vitest";
import type { DeadlineEntry, WorklistEntry } from "../../../src/ports/indexes.js";
import { caseHeaderOf, caseRow } from "../../../src/store/case-rows.js";
import { scan } from "../../../src/store/entity-table.js";
import { aCase } from "./case-builder.js";
import type { MakeHarness, StoreHarness } from "./harness.js";

const header = (kase: ReturnType<ReturnType<typeof aCase>["build"]>, lastSeq = 1) =>
  caseHeaderOf(caseRow(kase, lastSeq));

async function everyRow({ raw }: StoreHarness, table: "Worklists" | "Deadlines") {
  const rows = [];
  for await (const { etag: _etag, ...row } of scan(raw(table), {})) rows.push(row);
  return rows;
}

const ids = (entries: readonly WorklistEntry[]) => entries.map((e) => e.caseId);

export function indexesContract(fresh: MakeHarness): void {
  describe("worklists", () => {
    it("puts a contact awaiting screening on the screening agenda and moves it to its worker once allocated", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000020").build();
      await store.worklists.sync(header(kase, 1));
      expect(ids((await store.worklists.list("awaiting-screening")).items)).toEqual(["FC-2026-000020"]);

      await store.worklists.sync(header({ ...kase, state: "allocated", leadWorkerId: "w7" }, 3));

      expect((await store.worklists.list("awaiting-screening")).items).toEqual([]);
      expect((await store.worklists.list("worker~w7")).items).toEqual([
        expect.objectContaining({ caseId: "FC-2026-000020", state: "allocated", leadWorkerId: "w7" }),
      ]);
    });

    it("never lets an older view of a case overwrite a newer one", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000021").build();
      await store.worklists.sync(header({ ...kase, state: "awaiting-maam" }, 2));

      await store.worklists.sync(header(kase, 1));

      expect(ids((await store.worklists.list("maam")).items)).toEqual(["FC-2026-000021"]);
      expect((await store.worklists.list("awaiting-screening")).items).toEqual([]);
    });

    it("reads every worker's cases and clocks' first due instants in one read of the worker lists, leaving out the queues (rule 11.3)", async () => {
      const { store } = await fresh();
      const allocated = (n: number, worker: string) => ({
        ...header({ ...aCase(`FC-2026-00009${n}`).build(), state: "allocated", leadWorkerId: worker }, 3),
        clockDues: [`2026-12-0${n}T23:59:59.999Z`],
      });
      await store.worklists.sync(allocated(1, "w1"));
      await store.worklists.sync(allocated(2, "w1"));
      await store.worklists.sync(allocated(3, "w%2"));
      await store.worklists.sync(header(aCase("FC-2026-000094").build(), 1)); // awaiting screening: no worker
      store.metrics.reset();

      const caseloads = await store.worklists.workerCaseloads();

      expect(Object.fromEntries(caseloads)).toEqual({
        w1: { cases: 2, clockDues: ["2026-12-01T23:59:59.999Z", "2026-12-02T23:59:59.999Z"] },
        "w%2": { cases: 1, clockDues: ["2026-12-03T23:59:59.999Z"] },
      });
      expect(store.metrics.byTable()).toEqual({ Worklists: 1 });
    });

    it("pages a long queue with a continuation", async () => {
      const { store } = await fresh();
      for (const n of [1, 2, 3]) await store.worklists.sync(header(aCase(`FC-2026-00003${n}`).build()));

      const first = await store.worklists.list("awaiting-screening", { top: 2 });
      const second = await store.worklists.list("awaiting-screening", { top: 2, continuation: first.continuation });

      expect([...ids(first.items), ...ids(second.items)]).toEqual([
        "FC-2026-000031",
        "FC-2026-000032",
        "FC-2026-000033",
      ]);
      expect(first.continuation).toBeDefined();
    });

    it("writes only its pointer when a change leaves the case on the same lists with the same details", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000034").build();
      await store.worklists.sync(header(kase, 1));
      store.metrics.reset();

      await store.worklists.sync(header(kase, 2));

      expect(store.metrics.byOperation()).toEqual({ "Worklists get": 1, "Worklists replace": 1 });
      expect(ids((await store.worklists.list("awaiting-screening")).items)).toEqual(["FC-2026-000034"]);
    });

    it("lists a new case without reading its index first, and a retried listing leaves it listed once", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000035").build();

      await store.worklists.sync(header(kase, 1), { fresh: true });
      const firstRun = store.metrics.byOperation();
      await store.worklists.sync(header(kase, 1), { fresh: true });

      expect(firstRun).toEqual({ "Worklists insert": 1, "Worklists upsert": 1 });
      expect(ids((await store.worklists.list("awaiting-screening")).items)).toEqual(["FC-2026-000035"]);
    });

    it("rewrites a new case's row lost to a crash, trusting no row the pointer has not seen written", async () => {
      const harness = await fresh();
      const { store, raw } = harness;
      const kase = aCase("FC-2026-000036").build();
      await store.worklists.sync(header(kase, 1), { fresh: true });
      const listed = await everyRow(harness, "Worklists");
      const row = listed.find((r) => r.partitionKey === "awaiting-screening");
      // As if the run stopped after the pointer was inserted, before the row was written.
      await raw("Worklists").delete("awaiting-screening", row?.rowKey ?? "");

      await store.worklists.sync(header(kase, 2));

      expect(ids((await store.worklists.list("awaiting-screening")).items)).toEqual(["FC-2026-000036"]);
    });

    it("rebuilds from the case rows exactly what syncing produced, repairing lost and stray rows", async () => {
      const harness = await fresh();
      const { store, raw } = harness;
      const waiting = aCase("FC-2026-000040")
        .with({ referrer: { organisation: "GP surgery", confirmed: false } })
        .build();
      const allocated = aCase("FC-2026-000041").with({ state: "allocated", leadWorkerId: "w1" }).build();
      for (const k of [waiting, allocated]) {
        await store.cases.create(k, k.events, []);
        await store.worklists.sync(header(k));
      }
      const synced = await everyRow(harness, "Worklists");
      // Damage: a lost row, a stray row, a stale row.
      await raw("Worklists").delete("awaiting-screening", "FC-2026-000040");
      await raw("Worklists").upsert({ partitionKey: "maam", rowKey: "FC-2026-000041", caseId: "FC-2026-000041" });
      await raw("Worklists").upsert({ partitionKey: "worker~w1", rowKey: "FC-2026-000041", state: "closed" });

      await store.worklists.rebuild(store.cases.listCaseHeaders());

      expect(await everyRow(harness, "Worklists")).toEqual(synced);
      expect(ids((await store.worklists.list("triage")).items)).toEqual(["FC-2026-000040"]);
    });
  });

  describe("the deadline index", () => {
    const entry = (caseId: string, rule: string, dueAt: string): DeadlineEntry => ({
      caseId,
      rule,
      instance: 1,
      threshold: "maximum",
      dueAt,
    });

    it("finds what falls due in a window by range, across a month boundary, oldest first", async () => {
      const { store } = await fresh();
      await store.deadlines.replaceForCase("FC-2026-000050", [
        entry("FC-2026-000050", "1.2", "2026-12-31T23:59:59.999Z"),
        entry("FC-2026-000050", "1.1", "2027-01-15T23:59:59.999Z"),
      ]);
      await store.deadlines.replaceForCase("FC-2026-000051", [
        entry("FC-2026-000051", "2.2", "2026-12-30T17:00:00.000Z"),
        entry("FC-2026-000051", "3.1", "2026-11-30T17:00:00.000Z"),
      ]);

      const due = await store.deadlines.dueBetween(
        new Date("2026-12-30T00:00:00Z"),
        new Date("2027-01-15T23:59:59.999Z"),
      );

      expect(due.map((d) => [d.caseId, d.rule])).toEqual([
        ["FC-2026-000051", "2.2"],
        ["FC-2026-000050", "1.2"],
      ]);
    });

    it("reads a span of many months in one query, in due order", async () => {
      const { store } = await fresh();
      const dues = ["2026-01-15T09:00:00.000Z", "2026-07-01T09:00:00.000Z", "2027-01-31T23:59:59.999Z"];
      for (const [n, dueAt] of dues.entries()) {
        const id = `FC-2026-00007${n}`;
        await store.deadlines.replaceForCase(id, [entry(id, "1.2", dueAt)]);
      }
      store.metrics.reset();

      const due = await store.deadlines.dueBetween(
        new Date("2025-11-01T00:00:00Z"),
        new Date("2027-01-31T23:59:59.999Z"),
      );

      expect(due.map((d) => d.dueAt)).toEqual(dues.slice(0, 2));
      expect(store.metrics.byTable()).toEqual({ Deadlines: 1 });
    });

    it("costs one read per month scanned, however many other cases are indexed", async () => {
      const { store } = await fresh();
      for (const n of [1, 2, 3, 4, 5]) {
        const id = `FC-2026-00006${n}`;
        await store.deadlines.replaceForCase(id, [entry(id, "1.2", `2027-03-0${n}T17:00:00.000Z`)]);
      }
      store.metrics.reset();

      const due = await store.deadlines.dueBetween(new Date("2027-03-02T00:00:00Z"), new Date("2027-03-03T00:00:00Z"));

      expect(due.map((d) => d.caseId)).toEqual(["FC-2026-000062"]);
      expect(store.metrics.byTable()).toEqual({ Deadlines: 1 });
    });

    it("writes a case's entries due in one month as one transaction, and afterwards only the entries that changed", async () => {
      const { store } = await fresh();
      const id = "FC-2026-000071";
      const ack = entry(id, "1.2", "2026-12-02T23:59:59.999Z");
      const screening = entry(id, "2.2", "2026-12-04T23:59:59.999Z");
      await store.deadlines.replaceForCase(id, [ack, screening, entry(id, "4.1", "2026-12-20T17:00:00.000Z")], {
        fresh: true,
      });
      const created = store.metrics.byOperation();
      await store.deadlines.replaceForCase(id, [ack, screening]);
      store.metrics.reset();

      await store.deadlines.replaceForCase(id, [screening]);

      expect(created).toEqual({ "Deadlines insert": 1, "Deadlines transact": 1 });
      expect(store.metrics.byOperation()).toEqual({
        "Deadlines delete": 1,
        "Deadlines get": 1,
        "Deadlines replace": 1,
      });
      const all = await store.deadlines.dueBetween(new Date("2026-12-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
      expect(all.map((d) => d.rule)).toEqual(["2.2"]);
    });

    it("replaces a case's entries, leaving no old ones behind", async () => {
      const harness = await fresh();
      const { store } = harness;
      await store.deadlines.replaceForCase("FC-2026-000070", [
        entry("FC-2026-000070", "1.2", "2026-12-02T23:59:59.999Z"),
      ]);

      await store.deadlines.replaceForCase("FC-2026-000070", [
        entry("FC-2026-000070", "2.2", "2026-12-04T23:59:59.999Z"),
      ]);

      const all = await store.deadlines.dueBetween(new Date("2026-12-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
      expect(all.map((d) => d.rule)).toEqual(["2.2"]);
      const before = await everyRow(harness, "Deadlines");
      await store.deadlines.rebuild(
        (async function* () {
          yield { caseId: "FC-2026-000070", entries: [entry("FC-2026-000070", "2.2", "2026-12-04T23:59:59.999Z")] };
        })(),
      );
      expect(await everyRow(harness, "Deadlines")).toEqual(before);
    });
  });
}
