import { describe, expect, it } from "vitest";
import type { NewOutboxItem } from "../../../src/ports/outbox.js";
import type { MakeHarness } from "./harness.js";

const at = (iso: string) => new Date(iso);

const teamsNotice = (key: string, conversation: string): NewOutboxItem => ({
  caseId: "~notices",
  key,
  channel: "teams",
  purpose: "digest",
  payload: { conversation, date: "2026-12-01" },
});

export function heldOutboxContract(fresh: MakeHarness): void {
  describe("held Teams items, by the conversation they wait for", () => {
    it("rule 2.1 keeps a long agenda's case list whole, past Azure's 64 KiB property limit, through a transition", async () => {
      const { store } = await fresh();
      const caseIds = Array.from({ length: 6_000 }, (_, n) => `FC-2026-${String(n).padStart(6, "0")}`);
      const agenda = { ...teamsNotice("agenda~screening~2026-12-01", "screening"), purpose: "agenda-screening" };
      const { item } = await store.outbox.enqueue(
        { ...agenda, payload: { ...agenda.payload, caseIds } },
        at("2026-12-01T09:30:00Z"),
      );
      expect(JSON.stringify(item.payload).length).toBeGreaterThan(64 * 1024);
      const claimed = await store.outbox.transition(
        item,
        { to: "drafted", draftId: "posting" },
        at("2026-12-01T09:31:00Z"),
      );
      const read = await store.outbox.get(claimed.caseId, claimed.key);
      expect(read?.payload["caseIds"]).toEqual(caseIds);
      expect(read?.state).toBe("drafted");
    });

    it("lists the items held for one conversation, oldest first, and no other conversation's", async () => {
      const { store } = await fresh();
      await store.outbox.enqueue({ ...teamsNotice("b", "user~aad-1"), held: true }, at("2026-12-01T09:02:00Z"));
      await store.outbox.enqueue({ ...teamsNotice("a", "user~aad-1"), held: true }, at("2026-12-01T09:01:00Z"));
      await store.outbox.enqueue({ ...teamsNotice("c", "user~aad-12"), held: true }, at("2026-12-01T09:00:00Z"));
      await store.outbox.enqueue({ ...teamsNotice("d", "duty"), held: true }, at("2026-12-01T09:00:00Z"));

      expect((await store.outbox.listHeld("teams", "user~aad-1", 10)).map((i) => i.key)).toEqual(["a", "b"]);
      expect((await store.outbox.listHeld("teams", "duty", 10)).map((i) => i.key)).toEqual(["d"]);
      expect(await store.outbox.listHeld("email", "duty", 10)).toEqual([]);
    });

    it("lists an item the drain held after trying it, and at most the limit", async () => {
      const { store } = await fresh();
      for (const n of [1, 2, 3]) {
        const { item } = await store.outbox.enqueue(teamsNotice(`k${n}`, "screening"), at(`2026-12-01T09:0${n}:00Z`));
        const claimed = await store.outbox.transition(
          item,
          { to: "drafted", draftId: "posting" },
          at("2026-12-01T09:10:00Z"),
        );
        const back = await store.outbox.transition(claimed, { to: "pending" }, at("2026-12-01T09:10:00Z"));
        await store.outbox.transition(back, { to: "held" }, at("2026-12-01T09:10:00Z"));
      }

      const held = await store.outbox.listHeld("teams", "screening", 2);

      expect(held.map((i) => [i.key, i.state])).toEqual([
        ["k1", "held"],
        ["k2", "held"],
      ]);
      expect(await store.outbox.listPending(10)).toEqual([]);
    });

    it("releases a held item to pending once: the second release with the same ETag is refused", async () => {
      const { store } = await fresh();
      await store.outbox.enqueue({ ...teamsNotice("a", "maam"), held: true }, at("2026-12-01T09:00:00Z"));
      const [held] = await store.outbox.listHeld("teams", "maam", 10);
      if (held === undefined) throw new Error("the held item should be listed");

      const released = await store.outbox.transition(held, { to: "pending" }, at("2026-12-01T10:00:00Z"));

      await expect(store.outbox.transition(held, { to: "pending" }, at("2026-12-01T10:00:00Z"))).rejects.toMatchObject({
        code: "STORE.CONFLICT",
      });
      expect(await store.outbox.listHeld("teams", "maam", 10)).toEqual([]);
      expect((await store.outbox.listPending(10)).map((i) => i.etag)).toEqual([released.etag]);
    });

    it("pages every held item of a channel, whatever the conversation, with the reason it was held for", async () => {
      const { store } = await fresh();
      await store.outbox.enqueue({ ...teamsNotice("a", "user~aad-1"), held: true }, at("2026-12-01T09:00:00Z"));
      const { item } = await store.outbox.enqueue(teamsNotice("b", "duty"), at("2026-12-01T09:01:00Z"));
      await store.outbox.transition(item, { to: "held", reason: "Teams answered 403." }, at("2026-12-01T09:02:00Z"));
      await store.outbox.enqueue(
        { ...teamsNotice("c", "duty"), channel: "email", held: true },
        at("2026-12-01T09:03:00Z"),
      );

      const first = await store.outbox.listHeldPage("teams", { limit: 1 });
      const rest = await store.outbox.listHeldPage("teams", { limit: 10, continuation: first.continuation });

      const all = [...first.items, ...rest.items];
      expect(all.map((i) => i.key).sort()).toEqual(["a", "b"]);
      expect(all.find((i) => i.key === "b")?.failureReason).toBe("Teams answered 403.");
    });

    it("lists an item put back after a failed try by when it is due again, behind newer items, and counts the try", async () => {
      const { store } = await fresh();
      const { item } = await store.outbox.enqueue(teamsNotice("old", "duty"), at("2026-12-01T09:00:00Z"));
      const claimed = await store.outbox.transition(
        item,
        { to: "drafted", draftId: "posting" },
        at("2026-12-01T09:01:00Z"),
      );
      const back = await store.outbox.transition(
        claimed,
        { to: "pending", retryAt: at("2026-12-01T09:11:00Z") },
        at("2026-12-01T09:01:00Z"),
      );
      await store.outbox.enqueue(teamsNotice("new", "duty"), at("2026-12-01T09:05:00Z"));

      expect(back).toMatchObject({ attempts: 1, retryAt: "2026-12-01T09:11:00.000Z" });
      expect((await store.outbox.listPending(10)).map((i) => i.key)).toEqual(["new", "old"]);
    });

    it("no longer lists an item set aside as failed (superseded)", async () => {
      const { store } = await fresh();
      const { item } = await store.outbox.enqueue(
        { ...teamsNotice("a", "duty"), held: true },
        at("2026-12-01T09:00:00Z"),
      );

      await store.outbox.transition(item, { to: "failed", reason: "superseded" }, at("2026-12-02T09:00:00Z"));

      expect(await store.outbox.listHeld("teams", "duty", 10)).toEqual([]);
      expect(await store.outbox.listPending(10)).toEqual([]);
    });

    it("a second enqueue of a held key leaves one index row: the item is listed once", async () => {
      const { store } = await fresh();
      await store.outbox.enqueue({ ...teamsNotice("a", "duty"), held: true }, at("2026-12-01T09:00:00Z"));
      await store.outbox.enqueue({ ...teamsNotice("a", "duty"), held: true }, at("2026-12-01T09:05:00Z"));

      expect((await store.outbox.listHeld("teams", "duty", 10)).map((i) => i.key)).toEqual(["a"]);
    });

    it("keeps a pending index row whose item is not written yet (an enqueue writes the index first): listed once it lands", async () => {
      const { store, raw } = await fresh();
      const createdAt = "2026-12-01T09:00:00.000Z";
      await raw("OutboxIndex").upsert({
        partitionKey: "~pending",
        rowKey: `teams~${createdAt}~%7Enotices~a`,
        caseId: "~notices",
        key: "a",
        channel: "teams",
      });

      expect(await store.outbox.listPending(10)).toEqual([]);
      expect((await raw("OutboxIndex").page({ partitionKey: "~pending" })).items).toHaveLength(1);
      await store.outbox.enqueue(teamsNotice("a", "duty"), at(createdAt));
      expect((await store.outbox.listPending(10)).map((item) => item.key)).toEqual(["a"]);
    });

    it("drops an index row whose item moved on without it (a crash between the writes)", async () => {
      const { store, raw } = await fresh();
      const { item } = await store.outbox.enqueue(teamsNotice("a", "duty"), at("2026-12-01T09:00:00Z"));
      // As if a sender wrote the held index and stopped before the item itself was held.
      await raw("OutboxIndex").upsert({
        partitionKey: "~held",
        rowKey: `teams~duty~${item.createdAt}~%7Enotices~a`,
        caseId: item.caseId,
        key: item.key,
      });

      expect(await store.outbox.listHeld("teams", "duty", 10)).toEqual([]);
      expect((await raw("OutboxIndex").page({ partitionKey: "~held" })).items).toEqual([]);
    });

    it("still lists an item an earlier version indexed: beside the items, keyed without its channel", async () => {
      const { store, raw } = await fresh();
      const { item } = await store.outbox.enqueue(teamsNotice("a", "duty"), at("2026-12-01T09:00:00Z"));
      const [row] = (await raw("OutboxIndex").page({ partitionKey: "~pending" })).items;
      if (row === undefined) throw new Error("the item was not indexed");
      const { etag: _etag, channel: _channel, ...indexRow } = row;
      await raw("OutboxIndex").delete(row.partitionKey, row.rowKey);
      await raw("Outbox").upsert({ ...indexRow, rowKey: row.rowKey.replace(/^teams~/, "") });

      // This store has listed nothing yet: as after an upgrade, its first list moves the row first.
      expect((await store.outbox.listPending(10, "teams")).map((i) => i.key)).toEqual([item.key]);
      expect((await raw("Outbox").page({ partitionKey: "~pending" })).items).toEqual([]);
    });

    it("lists one channel's items without reading the other's", async () => {
      const { store } = await fresh();
      for (let n = 0; n < 30; n++) {
        await store.outbox.enqueue(teamsNotice(`t${n}`, "duty"), at("2026-12-01T09:00:00Z"));
      }
      await store.outbox.enqueue(
        { caseId: "FC-2026-000001", key: "letter", channel: "email", purpose: "acknowledgement", payload: {} },
        at("2026-12-01T09:30:00Z"),
      );
      await store.outbox.listPending(1, "email");
      store.metrics.reset();

      expect((await store.outbox.listPending(10, "email")).map((i) => i.key)).toEqual(["letter"]);
      expect(store.metrics.byOperation()).toEqual({ "OutboxIndex page": 1, "Outbox get": 1 });
    });
  });
}
