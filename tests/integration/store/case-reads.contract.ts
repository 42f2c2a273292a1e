import { describe, expect, it } from "vitest";
import type { Case } from "../../../src/domain/case.js";
import type { CaseEvent } from "../../../src/domain/case-events.js";
import { CASE_ROW, caseRow, contactRow, eventRow } from "../../../src/store/case-rows.js";
import { TableCaseRepository } from "../../../src/store/table-case-repository.js";
import { after, aCase, contactOf, nextEvent } from "./case-builder.js";
import type { MakeHarness } from "./harness.js";

/** A case note of ~30,000 characters: under Azure's 64 KiB a property, but 36 of them are over 1 MiB an entity. */
const longNote = (seq: number, filler = "x"): CaseEvent => ({
  seq,
  type: "case-note.recorded",
  at: "2026-12-02T10:00:00.000Z",
  by: { kind: "staff", id: "staff-duty-1" },
  data: { noteType: "case-note", note: `${seq} `.padEnd(30_000, filler) },
});

const withEvents = (kase: Case, events: readonly CaseEvent[]): Case => ({ ...kase, events: [...events] });

export function caseReadsContract(fresh: MakeHarness): void {
  describe("issue 7 a case is one point read (the case row carries its events and contacts)", () => {
    it("reads a case, its events and contacts with one point read of its case row", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000101").build();
      const created = await store.cases.create(kase, kase.events, [contactOf(kase)]);
      const note = nextEvent(kase, {
        type: "case-note.recorded",
        at: "2026-12-02T10:00:00.000Z",
        data: { noteType: "case-note" },
      });
      const followUp = { ...contactOf(kase, "c2"), isFollowUp: true };
      await store.cases.append(kase.id, created.etag, after(kase, [note]), [note], [followUp]);
      store.metrics.reset();

      const stored = await store.cases.getCase(kase.id);

      expect(store.metrics.byOperation()).toEqual({ "Cases get": 1 });
      expect(stored.case).toEqual(after(kase, [note]));
      expect(stored.contacts).toEqual([contactOf(kase), followUp]);
    });

    it("saves a change in one transaction and answers the case as written, without reading it back", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000102").build();
      await store.cases.create(kase, kase.events, [contactOf(kase)]);
      const read = await store.cases.getCase(kase.id);
      const decided = nextEvent(kase, {
        type: "screening.decided",
        at: "2026-12-02T10:00:00.000Z",
        data: { outcome: "maam" },
      });
      store.metrics.reset();

      const saved = await store.cases.append(kase.id, read.etag, after(kase, [decided], { state: "awaiting-maam" }), [
        decided,
      ]);

      expect(store.metrics.byOperation()).toEqual({ "Cases transact": 1 });
      await expect(store.cases.getCase(kase.id)).resolves.toEqual(saved);
    });

    it("saves a change without new events as one row replace, answering the new ETag", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000103").build();
      const created = await store.cases.create(kase, kase.events, [contactOf(kase)]);
      store.metrics.reset();

      const saved = await store.cases.append(kase.id, created.etag, { ...kase, summary: "EHA · 3 children" }, []);

      expect(store.metrics.byOperation()).toEqual({ "Cases replace": 1 });
      await expect(store.cases.getCase(kase.id)).resolves.toEqual(saved);
    });

    it("keeps every contact when another process (which did not read the case) saves the change", async () => {
      const { store, raw } = await fresh();
      const kase = aCase("FC-2026-000104").build();
      const { etag } = await store.cases.create(kase, kase.events, [contactOf(kase)]);
      const otherProcess = new TableCaseRepository(raw("Cases"));
      const note = nextEvent(kase, { type: "review.held", at: "2026-12-03T10:00:00.000Z", data: {} });

      await otherProcess.append(kase.id, etag, after(kase, [note]), [note]);

      const stored = await store.cases.getCase(kase.id);
      expect(stored.case.events).toEqual([...kase.events, note]);
      expect(stored.contacts).toEqual([contactOf(kase)]);
    });

    it("refuses a change from a stale read made in another process, saving nothing", async () => {
      const { store, raw } = await fresh();
      const kase = aCase("FC-2026-000105").build();
      const { etag } = await store.cases.create(kase, kase.events, []);
      await store.cases.append(kase.id, etag, { ...kase, summary: "newer" }, []);
      const note = nextEvent(kase, { type: "review.held", at: "2026-12-03T10:00:00.000Z", data: {} });

      await expect(
        new TableCaseRepository(raw("Cases")).append(kase.id, etag, after(kase, [note]), [note]),
      ).rejects.toMatchObject({ code: "STORE.CONFLICT", retryable: true });
      const stored = await store.cases.getCase(kase.id);
      expect(stored.case.summary).toBe("newer");
      expect(stored.case.events).toEqual(kase.events);
    });

    it("reads a case too long for one row (events over 1 MiB) whole from its partition, before and after a change", async () => {
      const { store, raw } = await fresh();
      const base = aCase("FC-2026-000106").build();
      const notes = Array.from({ length: 36 }, (_, i) => longNote(i + 2));
      const kase = withEvents(base, [...base.events, ...notes]);
      const created = await store.cases.create(kase, kase.events, [contactOf(kase)]);
      const review = nextEvent(kase, { type: "review.held", at: "2026-12-04T10:00:00.000Z", data: {} });

      await store.cases.append(kase.id, created.etag, after(kase, [review]), [review]);
      store.metrics.reset();
      const stored = await store.cases.getCase(kase.id);

      expect(Object.keys((await raw("Cases").get(kase.id, CASE_ROW)) ?? {})).not.toContain("snapshot");
      expect(store.metrics.byOperation()["Cases page"]).toBeGreaterThanOrEqual(1);
      expect(stored.case.events).toEqual([...kase.events, review]);
      expect(stored.contacts).toEqual([contactOf(kase)]);
    });

    it("keeps a case in three-byte characters under 1 MiB as Azurite counts it (UTF-8), so a lone row update still saves", async () => {
      const { store } = await fresh();
      const base = aCase("FC-2026-000109").build();
      // 14 notes of 30,000 characters: 840 KB as UTF-16, but 1.26 MB as the UTF-8 request Azurite measures.
      const kase = withEvents(base, [...base.events, ...Array.from({ length: 14 }, (_, i) => longNote(i + 2, "語"))]);
      const created = await store.cases.create(kase, kase.events, [contactOf(kase)]);

      await store.cases.append(kase.id, created.etag, { ...kase, summary: "EHA · 3 children" }, []);

      await expect(store.cases.getCase(kase.id)).resolves.toMatchObject({
        case: { ...kase, summary: "EHA · 3 children" },
        contacts: [contactOf(kase)],
      });
    });

    it("reads a case row written before snapshots from its partition, and the next change gives it one", async () => {
      const { store, raw } = await fresh();
      const kase = aCase("FC-2026-000107").build();
      await raw("Cases").transact([
        { op: "insert", entity: caseRow(kase, 1) },
        ...kase.events.map((e) => ({ op: "insert" as const, entity: eventRow(kase.id, e) })),
        { op: "insert", entity: contactRow(contactOf(kase)) },
      ]);

      const legacy = await store.cases.getCase(kase.id);
      expect(legacy.case).toEqual(kase);
      expect(legacy.contacts).toEqual([contactOf(kase)]);

      const note = nextEvent(kase, { type: "review.held", at: "2026-12-03T10:00:00.000Z", data: {} });
      const saved = await store.cases.append(kase.id, legacy.etag, after(kase, [note]), [note]);
      store.metrics.reset();
      await expect(store.cases.getCase(kase.id)).resolves.toEqual(saved);
      expect(store.metrics.byOperation()).toEqual({ "Cases get": 1 });
      expect(saved.contacts).toEqual([contactOf(kase)]);
    });

    it("does not trust a snapshot whose lastSeq disagrees with the row's: the event log is read instead", async () => {
      const { store, raw } = await fresh();
      const kase = aCase("FC-2026-000108").build();
      await store.cases.create(kase, kase.events, []);
      const cases = raw("Cases");
      const row = await cases.get(kase.id, CASE_ROW);
      if (row === undefined) throw new Error("the case row was not written");
      // A writer that knows nothing of snapshots adds event 2 and bumps lastSeq, leaving the old snapshot in place.
      const note = nextEvent(kase, { type: "review.held", at: "2026-12-03T10:00:00.000Z", data: {} });
      await cases.transact([
        { op: "replace", entity: { ...row, lastSeq: 2 }, etag: row.etag },
        { op: "insert", entity: eventRow(kase.id, note) },
      ]);

      const stored = await store.cases.getCase(kase.id);

      expect(stored.case.events).toEqual([...kase.events, note]);
    });
  });
}
