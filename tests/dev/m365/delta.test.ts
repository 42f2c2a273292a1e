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
