import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, MAILBOX } from "./stand-in-client.js";

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
});
afterEach(() => standIn.close());

const delta = (query = "?$select=subject,from", headers: Record<string, string> = {}) =>
  graph(standIn, "GET", `users/${MAILBOX}/mailFolders/inbox/messages/delta${query}`, { headers });

const deliverNumbered = async (count: number, from = 1) => {
  const ids: string[] = [];
  for (let n = from; n < from + count; n += 1) {
    ids.push(await standIn.deliver(`Subject: Contact ${n}\r\nFrom: referrer${n}@school.example\r\n\r\nbody ${n}`));
  }
  return ids;
};

/** Follows nextLinks to the deltaLink, as a sync worker does. */
async function syncAll(first: string, pageSize: number) {
  const seen: Record<string, unknown>[] = [];
  let link = first;
  let pages = 0;
  for (;;) {
    const page = await graph(standIn, "GET", link, {
      headers: { Prefer: `IdType="ImmutableId", odata.maxpagesize=${pageSize}` },
    });
    expect(page.status).toBe(200);
    pages += 1;
    seen.push(...(page.json.value ?? []));
    if (typeof page.json["@odata.nextLink"] === "string") link = page.json["@odata.nextLink"];
    else return { seen, pages, deltaLink: String(page.json["@odata.deltaLink"]) };
  }
}

describe("inbox delta", () => {
  it("returns every Inbox message on the first call and an absolute deltaLink", async () => {
    await deliverNumbered(3);
    const first = await delta();
    expect(first.json.value?.map((m) => m.subject)).toEqual(["Contact 1", "Contact 2", "Contact 3"]);
    expect(first.json["@odata.deltaLink"]).toMatch(
      new RegExp(`^${standIn.graphBaseUrl}/users/${MAILBOX}/mailFolders/inbox/messages/delta\\?\\$deltatoken=`),
    );
    expect(Object.keys(first.json.value?.[0] ?? {}).sort()).toEqual(["@odata.etag", "from", "id", "subject"]);
  });

  it("returns only what arrived since the deltaLink, keeping the first call's $select", async () => {
    await deliverNumbered(2);
    const first = await delta();
    await deliverNumbered(1, 3);

    const next = await graph(standIn, "GET", String(first.json["@odata.deltaLink"]));
    expect(next.json.value?.map((m) => m.subject)).toEqual(["Contact 3"]);
    expect(Object.keys(next.json.value?.[0] ?? {}).sort()).toEqual(["@odata.etag", "from", "id", "subject"]);
    const again = await graph(standIn, "GET", String(next.json["@odata.deltaLink"]));
    expect(again.json.value).toEqual([]);
  });

  it("pages by odata.maxpagesize with nextLinks, each message exactly once", async () => {
    const ids = await deliverNumbered(7);
    const initial = `${standIn.graphBaseUrl}/users/${MAILBOX}/mailFolders/inbox/messages/delta?$select=subject`;
    const { seen, pages } = await syncAll(initial, 3);

    expect(pages).toBe(3);
    expect(seen.map((m) => m.id)).toEqual(ids);
  });

  it("echoes the page size it applied", async () => {
    const answer = await delta("", { Prefer: 'IdType="ImmutableId", odata.maxpagesize=5' });
    expect(answer.headers.get("preference-applied")).toBe('IdType="ImmutableId", odata.maxpagesize=5');
  });

  it("shows a message deleted since the last round as @removed", async () => {
    const [id] = await deliverNumbered(2);
    const first = await delta();
    expect((await graph(standIn, "DELETE", `users/${MAILBOX}/messages/${id}`)).status).toBe(204);

    const next = await graph(standIn, "GET", String(first.json["@odata.deltaLink"]));
    expect(next.json.value).toEqual([
      { "@odata.type": "#microsoft.graph.message", id, "@removed": { reason: "deleted" } },
    ]);
  });

  it("answers 410 SyncStateNotFound for a token that expired, and a fresh sync then works", async () => {
    await deliverNumbered(2);
    const first = await delta();
    standIn.faults.set({ expireDeltaTokens: true });

    const expired = await graph(standIn, "GET", String(first.json["@odata.deltaLink"]));
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({ error: { code: "SyncStateNotFound" } });
    const resync = await delta();
    expect(resync.status).toBe(200);
    expect(resync.json.value).toHaveLength(2);
  });

  it("answers 410 for a token it never issued", async () => {
    const answer = await delta("?$deltatoken=made-up");
    expect(answer.status).toBe(410);
  });
});

describe("inbox delta as Exchange runs it", () => {
  it("bounds a first round with $filter=receivedDateTime ge|gt, keeping the filter in its links", async () => {
    let now = new Date("2026-11-23T09:00:00Z");
    const timed = await startStandIn({ smtpPort: 0, graphPort: 0, now: () => now });
    try {
      const at = async (instant: string, subject: string) => {
        now = new Date(instant);
        await timed.deliver(`Subject: ${subject}\r\nFrom: a@school.example\r\n\r\nbody`);
      };
      await at("2026-11-23T09:00:00Z", "before go-live");
      await at("2026-11-23T10:00:00Z", "at go-live");
      await at("2026-11-23T11:00:00Z", "after go-live");
      const filtered = (op: string) =>
        graph(
          timed,
          "GET",
          `users/${MAILBOX}/mailFolders/inbox/messages/delta?$select=subject&$filter=${encodeURIComponent(`receivedDateTime ${op} 2026-11-23T10:00:00Z`)}`,
        );
      expect((await filtered("ge")).json.value?.map((m) => m.subject)).toEqual(["at go-live", "after go-live"]);
      const gt = await filtered("gt");
      expect(gt.json.value?.map((m) => m.subject)).toEqual(["after go-live"]);

      await at("2026-11-23T12:00:00Z", "next round");
      const next = await graph(timed, "GET", String(gt.json["@odata.deltaLink"]));
      expect(next.json.value?.map((m) => m.subject)).toEqual(["next round"]);
      expect(
        (await graph(timed, "GET", `users/${MAILBOX}/mailFolders/inbox/messages/delta?$filter=subject eq 'x'`)).status,
      ).toBe(400);
    } finally {
      await timed.close();
    }
  });

  it("returns at most the cap's newest messages from a filtered round, saying nothing of the rest", async () => {
    const capped = await startStandIn({ smtpPort: 0, graphPort: 0, deltaFilterCap: 3 });
    try {
      for (let n = 1; n <= 5; n += 1) await capped.deliver(`Subject: Contact ${n}\r\n\r\nbody`);
      const since = encodeURIComponent("receivedDateTime ge 2000-01-01T00:00:00Z");
      const round = await graph(
        capped,
        "GET",
        `users/${MAILBOX}/mailFolders/inbox/messages/delta?$select=subject&$filter=${since}`,
      );
      expect(round.json.value).toHaveLength(3);
      expect(round.json["@odata.deltaLink"]).toBeDefined();
    } finally {
      await capped.close();
    }
  });

  it("gives an updated message with only what changed, and with changeType=created leaves updates out", async () => {
    const [id] = await deliverNumbered(1);
    const plain = await delta("?$select=subject,from,isRead");
    const created = await delta("?$select=subject,from,isRead&changeType=created");
    await graph(standIn, "PATCH", `users/${MAILBOX}/messages/${id}`, { body: { isRead: true } });
    await deliverNumbered(1, 2);

    const updates = await graph(standIn, "GET", String(plain.json["@odata.deltaLink"]));
    expect(updates.json.value?.[0]).toEqual({ "@odata.etag": expect.any(String), id, isRead: true });
    expect(updates.json.value?.[1]).toMatchObject({ subject: "Contact 2", isRead: false });
    const onlyNew = await graph(standIn, "GET", String(created.json["@odata.deltaLink"]));
    expect(onlyNew.json.value?.map((m) => m.subject)).toEqual(["Contact 2"]);
  });

  it("shows a message moved into the Inbox (from Junk Email) as new there, keeping its id", async () => {
    const first = await delta("?$select=subject&changeType=created");
    const junk = await standIn.deliver("Subject: Filtered referral\r\nFrom: a@school.example\r\n\r\nbody", "junkemail");
    expect((await graph(standIn, "GET", String(first.json["@odata.deltaLink"]))).json.value).toEqual([]);

    const moved = await graph(standIn, "POST", `users/${MAILBOX}/messages/${junk}/move`, {
      body: { destinationId: "inbox" },
    });
    expect(moved.json).toMatchObject({ id: junk });
    const next = await graph(standIn, "GET", String(first.json["@odata.deltaLink"]));
    expect(next.json.value?.map((m) => m.id)).toEqual([junk]);
  });

  it("does not show a new message until the delta lag has passed, and then does", async () => {
    let now = new Date("2026-11-23T09:00:00Z");
    const lagging = await startStandIn({ smtpPort: 0, graphPort: 0, now: () => now });
    try {
      lagging.faults.set({ deltaLagMs: 30_000 });
      const first = await graph(lagging, "GET", `users/${MAILBOX}/mailFolders/inbox/messages/delta?$select=subject`);
      const id = await lagging.deliver("Subject: Notified before it is in delta\r\n\r\nbody");
      const early = await graph(lagging, "GET", String(first.json["@odata.deltaLink"]));
      expect(early.json.value).toEqual([]);
      now = new Date(now.getTime() + 31_000);
      const later = await graph(lagging, "GET", String(early.json["@odata.deltaLink"]));
      expect(later.json.value?.map((m) => m.id)).toEqual([id]);
    } finally {
      await lagging.close();
    }
  });
});
