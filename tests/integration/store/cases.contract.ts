import { describe, expect, it } from "vitest";
import type { CaseEvent } from "../../../src/domain/case-events.js";
import { after, aCase, contactOf, nextEvent } from "./case-builder.js";
import type { MakeHarness } from "./harness.js";

export function casesContract(fresh: MakeHarness): void {
  describe("the case record (Cases table)", () => {
    it("reads back a created case with its events, contacts and an ETag", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000001").build();
      await store.cases.create(kase, kase.events, [contactOf(kase)]);

      const stored = await store.cases.getCase(kase.id);

      expect(stored.case).toEqual(kase);
      expect(stored.contacts).toEqual([contactOf(kase)]);
      expect(stored.etag).not.toBe("");
    });

    it("keeps a Bexley case's Front Door, so the case read back waits for the Front Door decision after consent", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000002")
        .with({ profileId: "bexley", state: "awaiting-consent", frontDoor: true })
        .build();
      await store.cases.create(kase, kase.events, [contactOf(kase)]);

      expect((await store.cases.getCase(kase.id)).case.frontDoor).toBe(true);
      expect((await store.cases.getCase("FC-2026-000002")).case).toEqual(kase);
    });

    it("rule 11.5: keeps a case's high-risk flag, so every list read back shows it", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000003").with({ highRisk: true }).build();
      await store.cases.create(kase, kase.events, [contactOf(kase)]);

      expect((await store.cases.getCase(kase.id)).case).toEqual(kase);
    });

    it("refuses a second case with the same number", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000002").build();
      await store.cases.create(kase, kase.events, []);

      await expect(store.cases.create(kase, kase.events, [])).rejects.toMatchObject({
        code: "STORE.ALREADY_EXISTS",
        message: expect.stringContaining("FC-2026-000002"),
      });
    });

    it("says a case number is unknown: findCase gives nothing, getCase a typed not-found", async () => {
      const { store } = await fresh();
      await expect(store.cases.findCase("FC-2026-999999")).resolves.toBeUndefined();
      await expect(store.cases.getCase("FC-2026-999999")).rejects.toMatchObject({
        name: "CaseNotFoundError",
        code: "STORE.NOT_FOUND",
      });
    });

    it("appends a decision and its event in one write and returns the new ETag", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000003").build();
      const { etag } = await store.cases.create(kase, kase.events, []);
      const decided = nextEvent(kase, {
        type: "screening.decided",
        at: "2026-12-02T10:00:00.000Z",
        why: "meets threshold for MAAM",
        data: { outcome: "maam" },
      });

      const saved = await store.cases.append(kase.id, etag, after(kase, [decided], { state: "awaiting-maam" }), [
        decided,
      ]);

      expect(saved.case.state).toBe("awaiting-maam");
      expect(saved.case.events).toEqual([...kase.events, decided]);
      expect(saved.etag).not.toBe(etag);
    });

    it("lets exactly one of two decisions made from the same read win; the other must reload", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000004").build();
      const { etag } = await store.cases.create(kase, kase.events, []);
      const decide = (outcome: string) => {
        const event = nextEvent(kase, { type: "screening.decided", at: "2026-12-02T10:00:00.000Z", data: { outcome } });
        return store.cases.append(kase.id, etag, after(kase, [event], { summary: outcome }), [event]);
      };

      const results = await Promise.allSettled([decide("maam"), decide("step-down")]);

      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toMatchObject({
        code: "STORE.CONFLICT",
        retryable: true,
        message: "Someone else changed case FC-2026-000004 at the same time; reload and try again.",
      });
      const stored = await store.cases.getCase(kase.id);
      expect(stored.case.events).toHaveLength(2);
      expect(stored.case.summary).toBe(
        (won[0] as PromiseFulfilledResult<{ case: { summary?: string } }>).value.case.summary,
      );
    });

    it("writes neither the case row nor any event when one row of the change fails", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000005").build();
      const first = await store.cases.create(kase, kase.events, []);
      const note = nextEvent(kase, {
        type: "case-note.recorded",
        at: "2026-12-02T10:00:00.000Z",
        data: { noteType: "case-note" },
      });
      await store.cases.append(kase.id, first.etag, after(kase, [note]), [note]);
      // A stale writer: its event 2 collides, its event 3 alone would have been written.
      const stale2 = nextEvent(kase, {
        type: "screening.decided",
        at: "2026-12-02T11:00:00.000Z",
        data: { outcome: "maam" },
      });
      const stale3 = { ...stale2, seq: 3, type: "case-note.recorded", data: { noteType: "case-note" } } as const;

      await expect(
        store.cases.append(kase.id, first.etag, after(kase, [stale2, stale3], { state: "awaiting-maam" }), [
          stale2,
          stale3,
        ]),
      ).rejects.toMatchObject({ code: "STORE.CONFLICT" });

      const stored = await store.cases.getCase(kase.id);
      expect(stored.case.state).toBe("awaiting-screening");
      expect(stored.case.events.map((e) => e.type)).toEqual(["contact.received", "case-note.recorded"]);
    });

    it("rewrites an event and a contact in place for data protection, with the redacted event, read back whole (and scanned)", async () => {
      const { store, raw } = await fresh();
      const kase = aCase("FC-2026-000031").build();
      const contact = { ...contactOf(kase), subject: "About Jo Bloggs" };
      const { etag } = await store.cases.create(kase, kase.events, [contact]);
      const note = nextEvent(kase, {
        type: "case-note.recorded",
        at: "2026-12-02T10:00:00.000Z",
        data: { noteType: "case-note", note: "Jo Bloggs was seen" },
      });
      const noted = await store.cases.append(kase.id, etag, after(kase, [note]), [note]);
      const scrubbed = { ...note, data: { noteType: "case-note", note: "[redacted] was seen" } } as CaseEvent;
      const withScrubbed = { ...noted.case, events: [...kase.events, scrubbed] };
      const redacted = nextEvent(withScrubbed, {
        type: "redacted",
        at: "2026-12-03T10:00:00.000Z",
        data: { mode: "redacted", places: ["event 2", "contact c1"], reason: "erasure request" },
      });

      const saved = await store.cases.rewrite(
        kase.id,
        noted.etag,
        after(withScrubbed, [redacted]),
        { events: [scrubbed], contacts: [{ ...contact, subject: "About [redacted]" }] },
        [redacted],
      );

      expect(saved.case.events).toEqual([...kase.events, scrubbed, redacted]);
      expect((await store.cases.getCase(kase.id)).contacts.map((c) => c.subject)).toEqual(["About [redacted]"]);
      const rows = (await raw("Cases").page({ partitionKey: kase.id })).items;
      expect(JSON.stringify(rows)).not.toContain("Jo Bloggs");
      await expect(
        store.cases.rewrite(kase.id, noted.etag, saved.case, { events: [], contacts: [] }, []),
      ).rejects.toMatchObject({ code: "STORE.CONFLICT" });
    });

    it("refuses a change without new events from a stale read", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000006").build();
      const { etag } = await store.cases.create(kase, kase.events, []);
      await store.cases.append(kase.id, etag, { ...kase, summary: "EHA · 3 children" }, []);

      await expect(store.cases.append(kase.id, etag, { ...kase, summary: "stale" }, [])).rejects.toMatchObject({
        code: "STORE.CONFLICT",
        retryable: true,
      });
    });

    it("refuses events whose seq numbers leave a gap, saving nothing", async () => {
      const { store } = await fresh();
      const kase = aCase("FC-2026-000007").build();
      const { etag } = await store.cases.create(kase, kase.events, []);
      const gap = { ...nextEvent(kase, { type: "review.held", at: "2026-12-03T10:00:00.000Z", data: {} }), seq: 3 };
      const also = { ...gap, seq: 5 };

      await expect(store.cases.append(kase.id, etag, after(kase, [gap, also]), [gap, also])).rejects.toMatchObject({
        code: "STORE.EVENTS_OUT_OF_SEQUENCE",
      });
      expect((await store.cases.getCase(kase.id)).case.events).toHaveLength(1);
    });

    it("numbers cases per year without repeats, even when asked at once", async () => {
      const { store } = await fresh();
      const ids = await Promise.all([1, 2, 3, 4, 5].map(() => store.cases.nextCaseId(2026)));

      expect([...ids].sort()).toEqual([
        "FC-2026-000001",
        "FC-2026-000002",
        "FC-2026-000003",
        "FC-2026-000004",
        "FC-2026-000005",
      ]);
      await expect(store.cases.nextCaseId(2027)).resolves.toBe("FC-2027-000001");
    });

    it("lists case headers (no events) for rebuilds", async () => {
      const { store } = await fresh();
      const a = aCase("FC-2026-000010").build();
      const b = aCase("FC-2026-000011").with({ state: "allocated", leadWorkerId: "w1" }).build();
      await store.cases.create(a, a.events, []);
      await store.cases.create(b, b.events, []);
      await store.cases.nextCaseId(2026);

      const headers = [];
      for await (const h of store.cases.listCaseHeaders()) headers.push(h);

      expect(headers.map((h) => [h.id, h.state, h.lastSeq])).toEqual([
        ["FC-2026-000010", "awaiting-screening", 1],
        ["FC-2026-000011", "allocated", 1],
      ]);
      expect(headers[0]).not.toHaveProperty("events");
    });
  });
}
