import { describe, expect, it } from "vitest";
import type { NewOutboxItem } from "../../../src/ports/outbox.js";
import { TableCaseRepository } from "../../../src/store/table-case-repository.js";
import type { MakeHarness } from "./harness.js";

const at = (iso: string) => new Date(iso);

const acknowledgement: NewOutboxItem = {
  caseId: "FC-2026-000080",
  key: "FC-2026-000080~1.2~1",
  channel: "email",
  purpose: "acknowledgement",
  payload: { template: "acknowledgement", contactId: "c1" },
};

export function coordinationContract(fresh: MakeHarness): void {
  describe("the outbox", () => {
    it("enqueues a side effect once: a second enqueue of the same key returns the first", async () => {
      const { store } = await fresh();
      const first = await store.outbox.enqueue(acknowledgement, at("2026-12-01T09:20:00Z"));

      const again = await store.outbox.enqueue(
        { ...acknowledgement, payload: { template: "other" } },
        at("2026-12-01T09:25:00Z"),
      );

      expect(first.enqueued).toBe(true);
      expect(again).toEqual({ enqueued: false, item: first.item });
      expect((await store.outbox.listPending(10)).map((i) => i.key)).toEqual([acknowledgement.key]);
    });

    it("queues a case's new items together (one write for the items, one for their index) and each once on a retry", async () => {
      const { store } = await fresh();
      const card: NewOutboxItem = {
        caseId: acknowledgement.caseId,
        key: "triage~c1",
        channel: "teams",
        purpose: "triage",
        payload: { conversation: "duty" },
      };
      const now = at("2026-12-01T09:20:00Z");

      const first = await store.outbox.enqueueAll([acknowledgement, card], now);
      const firstCost = store.metrics.byOperation();
      const retried = await store.outbox.enqueueAll([acknowledgement, card], at("2026-12-01T09:25:00Z"));

      expect(firstCost).toEqual({ "Outbox transact": 1, "OutboxIndex transact": 1 });
      expect(first.map((r) => r.enqueued)).toEqual([true, true]);
      expect(retried.map((r) => [r.enqueued, r.item.etag])).toEqual(first.map((r) => [false, r.item.etag]));
      expect((await store.outbox.listPending(10)).map((i) => i.key)).toEqual([acknowledgement.key, card.key]);
    });

    it("can start held (awaiting a duty worker) and is only sent once released", async () => {
      const { store } = await fresh();
      const { item } = await store.outbox.enqueue({ ...acknowledgement, held: true }, at("2026-12-01T09:20:00Z"));

      expect(item.state).toBe("held");
      expect(await store.outbox.listPending(10)).toEqual([]);
      await store.outbox.transition(item, { to: "pending" }, at("2026-12-01T10:00:00Z"));
      expect((await store.outbox.listPending(10)).map((i) => i.key)).toEqual([acknowledgement.key]);
    });

    it("moves pending → drafted → sent, and a sent item is no longer pending", async () => {
      const { store } = await fresh();
      const { item } = await store.outbox.enqueue(acknowledgement, at("2026-12-01T09:20:00Z"));

      const drafted = await store.outbox.transition(
        item,
        { to: "drafted", draftId: "draft-1" },
        at("2026-12-01T09:21:00Z"),
      );
      expect((await store.outbox.listPending(10)).map((i) => i.state)).toEqual(["drafted"]);
      const sent = await store.outbox.transition(
        drafted,
        { to: "sent", sentItemId: "sent-1" },
        at("2026-12-01T09:22:00Z"),
      );

      expect(sent).toMatchObject({ state: "sent", draftId: "draft-1", sentItemId: "sent-1" });
      expect(await store.outbox.listPending(10)).toEqual([]);
      expect(await store.outbox.get(item.caseId, item.key)).toEqual(sent);
    });

    it("lets only one of two senders move the same item; the other is told to reload", async () => {
      const { store } = await fresh();
      const { item } = await store.outbox.enqueue(acknowledgement, at("2026-12-01T09:20:00Z"));

      const results = await Promise.allSettled([
        store.outbox.transition(item, { to: "drafted", draftId: "a" }, at("2026-12-01T09:21:00Z")),
        store.outbox.transition(item, { to: "drafted", draftId: "b" }, at("2026-12-01T09:21:00Z")),
      ]);

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({
        reason: { code: "STORE.CONFLICT", retryable: true },
      });
    });

    it("counts failed attempts, holds and releases, and refuses to resend what was sent", async () => {
      const { store } = await fresh();
      const { item } = await store.outbox.enqueue(acknowledgement, at("2026-12-01T09:20:00Z"));
      const failed = await store.outbox.transition(
        item,
        { to: "failed", reason: "Graph 503" },
        at("2026-12-01T09:21:00Z"),
      );
      expect(failed).toMatchObject({ state: "failed", attempts: 1, failureReason: "Graph 503" });
      expect(await store.outbox.listPending(10)).toEqual([]);
      const retried = await store.outbox.transition(failed, { to: "pending" }, at("2026-12-01T09:30:00Z"));
      const held = await store.outbox.transition(retried, { to: "held" }, at("2026-12-01T09:31:00Z"));
      expect(await store.outbox.listPending(10)).toEqual([]);
      const released = await store.outbox.transition(held, { to: "pending" }, at("2026-12-01T10:00:00Z"));
      expect((await store.outbox.listPending(10)).map((i) => i.etag)).toEqual([released.etag]);
      const sent = await store.outbox.transition(released, { to: "sent", sentItemId: "s" }, at("2026-12-01T10:01:00Z"));

      await expect(store.outbox.transition(sent, { to: "pending" }, at("2026-12-01T10:02:00Z"))).rejects.toMatchObject({
        code: "STORE.OUTBOX_TRANSITION_NOT_ALLOWED",
      });
    });

    it("lists at most the limit, oldest first", async () => {
      const { store } = await fresh();
      for (const n of [3, 1, 2]) {
        await store.outbox.enqueue(
          { ...acknowledgement, key: `FC-2026-000080~1.2~${n}` },
          at(`2026-12-01T09:0${n}:00Z`),
        );
      }

      expect((await store.outbox.listPending(2)).map((i) => i.key)).toEqual([
        "FC-2026-000080~1.2~1",
        "FC-2026-000080~1.2~2",
      ]);
    });

    it("lists only one channel's items when asked, so the mailbox and the Teams bot each drain their own", async () => {
      const { store } = await fresh();
      await store.outbox.enqueue(acknowledgement, at("2026-12-01T09:01:00Z"));
      await store.outbox.enqueue(
        { caseId: "~notices", key: "agenda~screening~2026-12-01", channel: "teams", purpose: "agenda", payload: {} },
        at("2026-12-01T09:02:00Z"),
      );

      expect((await store.outbox.listPending(10, "teams")).map((i) => i.key)).toEqual(["agenda~screening~2026-12-01"]);
      expect((await store.outbox.listPending(10, "email")).map((i) => i.key)).toEqual([acknowledgement.key]);
      expect(await store.outbox.listPending(10)).toHaveLength(2);
    });
  });

  describe("job leases", () => {
    it("gives a lease to exactly one of two instances asking at once", async () => {
      const { store } = await fresh();
      const now = at("2026-12-01T08:00:00Z");

      const results = await Promise.all([
        store.leases.acquire("screening-agenda", "instance-a", 60_000, now),
        store.leases.acquire("screening-agenda", "instance-b", 60_000, now),
      ]);

      expect(results.filter((r) => r.acquired)).toHaveLength(1);
      const holder = results.find((r) => r.acquired);
      expect(results.find((r) => !r.acquired)).toEqual({
        acquired: false,
        heldBy: holder?.acquired === true ? holder.lease.holderId : "",
        until: "2026-12-01T08:01:00.000Z",
      });
    });

    it("lets another instance take over an expired lease, and the old holder can no longer renew", async () => {
      const { store } = await fresh();
      const a = await store.leases.acquire("nudges", "instance-a", 60_000, at("2026-12-01T08:00:00Z"));
      expect(await store.leases.acquire("nudges", "instance-b", 60_000, at("2026-12-01T08:00:59Z"))).toMatchObject({
        acquired: false,
        heldBy: "instance-a",
      });

      const b = await store.leases.acquire("nudges", "instance-b", 60_000, at("2026-12-01T08:01:00Z"));

      expect(b).toMatchObject({ acquired: true, lease: { holderId: "instance-b" } });
      if (!a.acquired) throw new Error("instance-a should have held the lease first");
      expect(await store.leases.renew(a.lease, 60_000, at("2026-12-01T08:01:01Z"))).toMatchObject({
        acquired: false,
        heldBy: "instance-b",
      });
    });

    it("takes a free lease with one write and frees it with one more", async () => {
      const { store } = await fresh();

      const taken = await store.leases.acquire("job~nudges", "instance-a", 60_000, at("2026-12-01T09:00:00Z"));
      if (!taken.acquired) throw new Error("expected the free lease to be taken");
      await store.leases.release(taken.lease);

      expect(store.metrics.byOperation()).toEqual({ "Leases delete": 1, "Leases insert": 1 });
      expect(await store.leases.acquire("job~nudges", "instance-b", 60_000, at("2026-12-01T09:00:01Z"))).toMatchObject({
        acquired: true,
      });
    });

    it("renews for the holder, and a release frees the lease at once", async () => {
      const { store } = await fresh();
      const first = await store.leases.acquire("outbox", "instance-a", 60_000, at("2026-12-01T08:00:00Z"));
      if (!first.acquired) throw new Error("expected the lease");
      const renewed = await store.leases.renew(first.lease, 60_000, at("2026-12-01T08:00:30Z"));
      expect(renewed).toMatchObject({ acquired: true, lease: { expiresAt: "2026-12-01T08:01:30.000Z" } });
      if (!renewed.acquired) throw new Error("expected the renewal");

      await store.leases.release(renewed.lease);

      expect(await store.leases.acquire("outbox", "instance-b", 60_000, at("2026-12-01T08:00:31Z"))).toMatchObject({
        acquired: true,
      });
    });
  });

  describe("inbound message idempotency", () => {
    const messageId = "AAMkAGI2THVSAAA=/#?~%\u0001";

    it("claims a message once, however many notifications and delta runs bring it", async () => {
      const { store } = await fresh();
      const now = at("2026-12-01T09:15:03Z");

      const claims = await Promise.all([store.messages.claim(messageId, now), store.messages.claim(messageId, now)]);

      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      expect(claims.find((c) => !c.claimed)).toEqual({
        claimed: false,
        existing: { messageId, state: "claimed", claimedAt: "2026-12-01T09:15:03.000Z" },
      });
    });

    it("records the case and contact a message was logged as, or why it was ignored", async () => {
      const { store } = await fresh();
      await store.messages.claim(messageId, at("2026-12-01T09:15:03Z"));
      await store.messages.claim("autoreply-1", at("2026-12-01T09:16:00Z"));

      await store.messages.markLogged(messageId, "FC-2026-000090", "c1");
      await store.messages.markIgnored("autoreply-1", "autoreply");

      expect(await store.messages.find(messageId)).toMatchObject({
        state: "logged",
        caseId: "FC-2026-000090",
        contactId: "c1",
      });
      expect(await store.messages.find("autoreply-1")).toMatchObject({ state: "ignored", reason: "autoreply" });
    });

    it("keeps one case number for a message, whoever asks first, until the message is logged", async () => {
      const { store } = await fresh();
      await store.messages.claim(messageId, at("2026-12-01T09:15:03Z"));

      const reserved = (
        await Promise.all([store.cases.reserveCaseId(2026, messageId), store.cases.reserveCaseId(2026, messageId)])
      ).map((kept) => kept.caseId);
      const { caseId: again } = await store.cases.reserveCaseId(2026, messageId);
      const { caseId: another } = await store.cases.reserveCaseId(2026, "another-message");

      expect(new Set(reserved).size).toBe(1);
      expect(again).toBe(reserved[0]);
      expect(another).not.toBe(again);
      await store.messages.markLogged(messageId, again, "c1");
      await store.cases.releaseCaseId(messageId);
      expect(await store.messages.find(messageId)).toMatchObject({ state: "logged", caseId: again });
      expect((await store.cases.reserveCaseId(2026, messageId)).caseId).not.toBe(again);
    });

    it("takes a sender's acknowledgement of the day with the case number, once however often the message is retried", async () => {
      const { store } = await fresh();
      await store.cases.nextCaseId(2026);
      const allowance = { sender: "s1", day: "2026-12-01", perDay: 2 };
      store.metrics.reset();

      const first = await store.cases.reserveCaseId(2026, "m1", allowance);
      const firstCost = store.metrics.byOperation();
      const retried = await store.cases.reserveCaseId(2026, "m1", allowance);
      const second = await store.cases.reserveCaseId(2026, "m2", allowance);
      const third = await store.cases.reserveCaseId(2026, "m3", allowance);
      const otherSender = await store.cases.reserveCaseId(2026, "m4", { ...allowance, sender: "s2" });
      const nextDay = await store.cases.reserveCaseId(2026, "m5", { ...allowance, day: "2026-12-02" });

      // A sender's first of the day is inserted with the number: one write, no read.
      expect(firstCost).toEqual({ "Cases transact": 1 });
      expect(retried).toEqual(first);
      expect([first, second, third, otherSender, nextDay].map((kept) => kept.allowanceTaken)).toEqual([
        true,
        true,
        false,
        true,
        true,
      ]);
      expect(await store.cases.forgetAllowancesBefore("2026-12-02")).toBeGreaterThan(0);
      expect((await store.cases.reserveCaseId(2026, "m6", allowance)).allowanceTaken).toBe(true);
      expect((await store.cases.reserveCaseId(2026, "m7", { ...allowance, day: "2026-12-02" })).allowanceTaken).toBe(
        true,
      );
      expect((await store.cases.reserveCaseId(2026, "m8", { ...allowance, day: "2026-12-02" })).allowanceTaken).toBe(
        false,
      );
    });

    it("never gives two instances the same sender's last acknowledgement of the day", async () => {
      const harness = await fresh();
      const here = harness.store.cases;
      const elsewhere = new TableCaseRepository(harness.raw("Cases"));
      const allowance = { sender: "s1", day: "2026-12-01", perDay: 3 };
      await here.reserveCaseId(2026, "m0", allowance);

      const taken = await Promise.all(
        ["m1", "m2", "m3", "m4"].map((id, i) => (i % 2 === 0 ? here : elsewhere).reserveCaseId(2026, id, allowance)),
      );

      expect(taken.filter((kept) => kept.allowanceTaken).length).toBe(2);
      expect(new Set(taken.map((kept) => kept.caseId)).size).toBe(4);
    });

    it("takes the allowance for a number kept before it was asked for, once", async () => {
      const { store } = await fresh();
      const allowance = { sender: "s1", day: "2026-12-01", perDay: 1 };
      const { caseId } = await store.cases.reserveCaseId(2026, "m1");

      const asked = await Promise.all([
        store.cases.reserveCaseId(2026, "m1", allowance),
        store.cases.reserveCaseId(2026, "m1", allowance),
      ]);

      expect(asked).toEqual([
        { caseId, allowanceTaken: true },
        { caseId, allowanceTaken: true },
      ]);
      expect((await store.cases.reserveCaseId(2026, "m2", allowance)).allowanceTaken).toBe(false);
    });

    it("takes a case number and logs the message it claimed without reading either row again", async () => {
      const { store } = await fresh();
      await store.cases.nextCaseId(2026);
      await store.messages.claim(messageId, at("2026-12-01T09:15:03Z"));
      store.metrics.reset();

      const { caseId } = await store.cases.reserveCaseId(2026, messageId);
      await store.messages.markLogged(messageId, caseId, "c1");

      expect(store.metrics.byOperation()).toEqual({ "Cases transact": 1, "Messages replace": 1 });
      expect(await store.messages.find(messageId)).toMatchObject({ state: "logged", caseId });
    });

    it("keeps the number another instance reserved, though this one remembers the counter from before", async () => {
      const harness = await fresh();
      const here = harness.store.cases;
      await here.nextCaseId(2026);
      const elsewhere = new TableCaseRepository(harness.raw("Cases"));

      const { caseId: theirs } = await elsewhere.reserveCaseId(2026, messageId);
      const { caseId: ours } = await here.reserveCaseId(2026, messageId);
      const next = await here.nextCaseId(2026);

      expect(ours).toBe(theirs);
      expect(theirs).toBe("FC-2026-000002");
      expect(next).toBe("FC-2026-000003");
    });
  });

  describe("simple records (Sync, Conversations, Staff, Settings)", () => {
    it("creates once, then replaces only with the ETag last read", async () => {
      const { store } = await fresh();
      const created = await store.sync.put("inbox", { deltaLink: "https://graph/delta?token=1" });
      await expect(store.sync.put("inbox", { deltaLink: "other" })).rejects.toMatchObject({
        code: "STORE.ALREADY_EXISTS",
      });

      const updated = await store.sync.put("inbox", { deltaLink: "https://graph/delta?token=2" }, created.etag);
      await expect(store.sync.put("inbox", { deltaLink: "stale" }, created.etag)).rejects.toMatchObject({
        code: "STORE.CONFLICT",
      });

      expect(await store.sync.get("inbox")).toEqual(updated);
      expect((await store.sync.list()).map((r) => r.key)).toEqual(["inbox"]);
    });
  });

  describe("table operation counts", () => {
    it("counts each request against its table", async () => {
      const { store } = await fresh();
      await store.messages.claim("m-1", at("2026-12-01T09:15:03Z"));
      await store.messages.find("m-1");
      await store.staff.get("w1");

      expect(store.metrics.byTable()).toEqual({ Messages: 2, Staff: 1 });
      expect(store.metrics.total()).toBe(3);
    });
  });
}
