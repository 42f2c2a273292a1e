import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, inbox, MAILBOX } from "./stand-in-client.js";

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn({
    smtpPort: 0,
    graphPort: 0,
    seed: 3,
    mailboxLimits: { requestsPerWindow: 5, windowMs: 60_000, concurrent: 4 },
  });
});
afterEach(() => standIn.close());

const control = (path: string, body?: unknown) =>
  fetch(`${standIn.pageUrl}_standin/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("throttling switched on", () => {
  it("answers 429 ApplicationThrottled with Retry-After on every nth request", async () => {
    await control("faults", { throttle: { status: 429, everyNth: 2, retryAfterSeconds: 7 } });
    const first = await graph(standIn, "GET", inbox());
    const second = await graph(standIn, "GET", inbox());

    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("7");
    expect(second.json).toMatchObject({ error: { code: "ApplicationThrottled" } });
  });

  it("answers 503 when asked for service unavailability", async () => {
    standIn.faults.set({ throttle: { status: 503, retryAfterSeconds: 2 } });
    const answer = await graph(standIn, "GET", inbox());
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("2");
  });

  it("enforces the mailbox's concurrent-request limit", async () => {
    standIn.faults.set({ enforceMailboxLimits: true, latencyMs: 200 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => graph(standIn, "GET", inbox())));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(answers.find((a) => a.status === 429)?.json).toMatchObject({
      error: { message: expect.stringContaining("MailboxConcurrency") },
    });
  });

  it("enforces the mailbox's requests-per-window limit with a Retry-After until the window frees", async () => {
    standIn.faults.set({ enforceMailboxLimits: true });
    for (let i = 0; i < 5; i += 1) expect((await graph(standIn, "GET", inbox())).status).toBe(200);
    const refused = await graph(standIn, "GET", inbox());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(50);
  });
});

describe("$batch", () => {
  it("runs each request on its own, each counted, each able to fail alone with 429", async () => {
    const id = await standIn.deliver("Subject: one\r\n\r\nbody");
    standIn.faults.set({ throttle: { status: 429, everyNth: 2, retryAfterSeconds: 3 } });
    const batch = await graph(standIn, "POST", "$batch", {
      body: {
        requests: [
          { id: "1", method: "GET", url: `/users/${MAILBOX}/messages/${id}?$select=subject` },
          { id: "2", method: "GET", url: `/users/${MAILBOX}/messages/${id}?$select=subject` },
          { id: "3", method: "GET", url: `/users/${MAILBOX}/messages/${id}?$select=subject` },
        ],
      },
    });

    expect(batch.status).toBe(200);
    const responses = batch.json.responses as {
      id: string;
      status: number;
      headers: Record<string, string>;
      body: { subject?: string };
    }[];
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ["1", 200],
      ["2", 429],
      ["3", 200],
    ]);
    expect(responses[0]?.body.subject).toBe("one");
    expect(responses[1]?.headers["retry-after"]).toBe("3");
    expect(standIn.stats().batchParts["GET /users/{user}/messages/{id}"]).toEqual({ "200": 2, "429": 1 });
    expect(standIn.stats().requests["GET /users/{user}/messages/{id}"]).toBeUndefined();
  });

  it("runs up to four parts at a time, each counted against the mailbox's concurrency", async () => {
    const id = await standIn.deliver("Subject: one\r\n\r\nbody");
    standIn.faults.set({ latencyMs: 400, enforceMailboxLimits: true });
    const part = (n: number) => ({ id: String(n), method: "GET", url: `/users/${MAILBOX}/messages/${id}?$select=id` });
    const batch = graph(standIn, "POST", "$batch", { body: { requests: [1, 2, 3, 4].map(part) } });
    // The $batch waits the latency too, then its four parts are in Exchange together: a fifth request is one too many.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const alongside = await graph(standIn, "GET", inbox());

    expect(((await batch).json.responses as { status: number }[]).map((r) => r.status)).toEqual(Array(4).fill(200));
    expect(alongside.status).toBe(429);
    expect(alongside.json).toMatchObject({ error: { message: expect.stringContaining("MailboxConcurrency") } });
    expect(standIn.stats().peakInFlight).toBe(4);
  });

  it("refuses more than 20 requests", async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/subscriptions" }));
    expect((await graph(standIn, "POST", "$batch", { body: { requests } })).status).toBe(400);
  });
});

describe("stats and reset", () => {
  it("counts requests by route and status and messages by folder, and reset clears them", async () => {
    await standIn.deliver("Subject: one\r\n\r\nbody");
    await graph(standIn, "GET", inbox());
    await graph(standIn, "GET", inbox(), { token: null });

    const stats = (await (await control("stats")).json()) as ReturnType<StandIn["stats"]>;
    expect(stats.requests["GET /users/{user}/mailFolders/inbox/messages"]).toEqual({ "200": 1, "401": 1 });
    expect(stats.folders.inbox).toBe(1);

    expect((await control("reset", {})).status).toBe(204);
    expect(standIn.stats()).toMatchObject({ requestsTotal: 0, folders: { inbox: 0 } });
  });
});
