import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StandIn } from "../../../dev/m365/stand-in.js";
import { graph, inboxOf as inboxIn, MAILBOX, SECOND_MAILBOX, startTwoMailboxes } from "./stand-in-client.js";

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startTwoMailboxes({ mailboxLimits: { requestsPerWindow: 5, windowMs: 60_000, concurrent: 4 } });
});
afterEach(() => standIn.close());

const inboxOf = (address: string) => inboxIn(standIn, address);

describe("each mailbox's own limits", () => {
  it("leaves the other mailbox answering 200 when one has spent its requests for the window", async () => {
    standIn.faults.set({ enforceMailboxLimits: true });
    const storm = [];
    for (let i = 0; i < 8; i += 1) storm.push((await inboxOf(MAILBOX)).status);

    expect(storm).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    for (let i = 0; i < 5; i += 1) expect((await inboxOf(SECOND_MAILBOX)).status).toBe(200);
    expect((await inboxOf(SECOND_MAILBOX)).status).toBe(429);
  });

  it("leaves the other mailbox answering 200 when one is over its concurrency", async () => {
    standIn.faults.set({ enforceMailboxLimits: true, latencyMs: 200 });
    const storm = Array.from({ length: 6 }, () => inboxOf(MAILBOX));
    const alongside = await Promise.all(Array.from({ length: 4 }, () => inboxOf(SECOND_MAILBOX)));

    expect((await Promise.all(storm)).map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 429, 429]);
    expect(alongside.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(standIn.statsFor(SECOND_MAILBOX).peakInFlight).toBe(4);
  });

  it("throttles only the mailbox an injected throttling fault names", async () => {
    standIn.faults.set({ throttle: { status: 429, retryAfterSeconds: 5, mailbox: SECOND_MAILBOX.toUpperCase() } });

    expect((await inboxOf(MAILBOX)).status).toBe(200);
    const throttled = await inboxOf(SECOND_MAILBOX);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("5");
  });

  it("refuses a throttling fault for a mailbox it does not serve", async () => {
    const refused = await fetch(`${standIn.pageUrl}_standin/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ throttle: { status: 429, retryAfterSeconds: 1, mailbox: "nobody@council.example" } }),
    });
    expect(refused.status).toBe(400);
    expect(standIn.faults.get().throttle).toBeNull();
  });
});

describe("stats per mailbox", () => {
  it("counts each mailbox's Graph requests apart, and all of them together", async () => {
    await inboxOf(MAILBOX);
    await inboxOf(SECOND_MAILBOX);
    await inboxOf(SECOND_MAILBOX);
    await graph(standIn, "GET", "subscriptions");

    const route = "GET /users/{user}/mailFolders/inbox/messages";
    expect(standIn.statsFor(MAILBOX)).toMatchObject({ requestsTotal: 1, requests: { [route]: { "200": 1 } } });
    expect(standIn.statsFor(SECOND_MAILBOX)).toMatchObject({ requestsTotal: 2, requests: { [route]: { "200": 2 } } });
    expect(standIn.stats().requestsTotal).toBe(4);
    const overHttp = await fetch(`${standIn.pageUrl}_standin/stats/${SECOND_MAILBOX}`);
    expect(await overHttp.json()).toMatchObject({ requestsTotal: 2 });
  });
});
