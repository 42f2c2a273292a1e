import { describe, expect, it } from "vitest";
import {
  newGraphMetrics,
  parseRetryAfter,
  RequestGate,
  sendWithRetry,
  type RetryPolicy,
} from "../../../src/graph/request-policy.js";
import { fakeTime } from "./fake-time.js";

const NOW = "2026-11-23T10:00:00.000Z";
const policy: RetryPolicy = { maxAttempts: 4, defaultBackoffSeconds: 2, maxWaitSeconds: 120 };

const answers = (...responses: Array<() => Response>) => {
  let calls = 0;
  return {
    send: async () => {
      const next = responses[Math.min(calls, responses.length - 1)];
      calls++;
      if (!next) throw new Error("no response scripted");
      return next();
    },
    calls: () => calls,
  };
};
const throttled = (retryAfter?: string) => () =>
  new Response('{"error":{"code":"ApplicationThrottled"}}', {
    status: 429,
    headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
  });
const ok = () => new Response("{}", { status: 200 });

describe("Retry-After", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("7", new Date(NOW))).toBe(7);
  });

  it("reads an HTTP date as the seconds until then", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:30 GMT", new Date(NOW))).toBe(30);
  });

  it("treats a date already past as no wait", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 09:59:00 GMT", new Date(NOW))).toBe(0);
  });

  it("gives no answer for an absent or unreadable header, so the default backoff applies", () => {
    expect(parseRetryAfter(null, new Date(NOW))).toBeUndefined();
    expect(parseRetryAfter("soon", new Date(NOW))).toBeUndefined();
  });
});

describe("sending with throttling retries", () => {
  const deps = (time: ReturnType<typeof fakeTime>, maxConcurrent = 4) => ({
    gate: new RequestGate(maxConcurrent, time.clock, time.sleeper),
    clock: time.clock,
    policy,
    metrics: newGraphMetrics(),
  });

  it("waits exactly the Retry-After Graph asked for, then succeeds", async () => {
    const time = fakeTime(NOW);
    const d = deps(time);
    const graph = answers(throttled("3"), ok);
    const response = await sendWithRetry(graph.send, d);
    expect(response.status).toBe(200);
    expect(time.sleeps).toEqual([3000]);
    expect(d.metrics).toMatchObject({ requests: 2, throttled: 1, retries: 1 });
  });

  it("backs off 2 s, 4 s, 8 s when Graph gives no Retry-After", async () => {
    const time = fakeTime(NOW);
    const graph = answers(throttled(), throttled(), throttled(), ok);
    await sendWithRetry(graph.send, deps(time));
    expect(time.sleeps).toEqual([2000, 4000, 8000]);
  });

  it("retries a 503 like a 429", async () => {
    const time = fakeTime(NOW);
    const graph = answers(() => new Response(null, { status: 503, headers: { "Retry-After": "1" } }), ok);
    expect((await sendWithRetry(graph.send, deps(time))).status).toBe(200);
  });

  it("stops after the last attempt and hands back the 429 for a typed error", async () => {
    const time = fakeTime(NOW);
    const graph = answers(throttled("1"));
    const response = await sendWithRetry(graph.send, deps(time));
    expect(response.status).toBe(429);
    expect(graph.calls()).toBe(policy.maxAttempts);
  });

  it("does not hold a job for a Retry-After longer than it allows", async () => {
    const time = fakeTime(NOW);
    const graph = answers(throttled("600"), ok);
    const response = await sendWithRetry(graph.send, deps(time));
    expect(response.status).toBe(429);
    expect(time.sleeps).toEqual([]);
  });

  it("does not retry other failures", async () => {
    const time = fakeTime(NOW);
    const graph = answers(() => new Response(null, { status: 500 }), ok);
    expect((await sendWithRetry(graph.send, deps(time))).status).toBe(500);
    expect(graph.calls()).toBe(1);
  });
});

describe("the per-mailbox gate", () => {
  it("never lets more than 4 requests be in flight", async () => {
    const time = fakeTime(NOW);
    const gate = new RequestGate(4, time.clock, time.sleeper);
    let inFlight = 0;
    let highest = 0;
    const work = async () => {
      const release = await gate.acquire();
      inFlight++;
      highest = Math.max(highest, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      release();
    };
    await Promise.all(Array.from({ length: 20 }, work));
    expect(highest).toBe(4);
    expect(gate.inFlight).toBe(0);
  });

  it("counts a $batch as the parts Graph runs at once, and serves requests in turn", async () => {
    const time = fakeTime(NOW);
    const gate = new RequestGate(4, time.clock, time.sleeper);
    const single = await gate.acquire();
    let batchIn = false;
    let laterIn = false;
    const batch = gate.acquire(4).then((release) => ((batchIn = true), release));
    const later = gate.acquire().then((release) => ((laterIn = true), release));
    await new Promise((resolve) => setImmediate(resolve));
    expect([batchIn, laterIn, gate.inFlight]).toEqual([false, false, 1]); // the batch waits for 4 free; the next behind it

    single();
    const releaseBatch = await batch;
    expect([batchIn, laterIn, gate.inFlight]).toEqual([true, false, 4]);
    releaseBatch();
    (await later)();
    expect(gate.inFlight).toBe(0);
  });

  it("takes a new capacity at once: none stops new requests, a larger one lets the waiting in", async () => {
    const time = fakeTime(NOW);
    const gate = new RequestGate(4, time.clock, time.sleeper);
    gate.setCapacity(0);
    let admitted = 0;
    const waiting = Array.from({ length: 3 }, () => gate.acquire().then((release) => (admitted++, release)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(0);
    gate.setCapacity(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(admitted).toBe(2);
    for (const release of await Promise.all(waiting.slice(0, 2))) release();
    (await waiting[2]!)();
    expect(gate.inFlight).toBe(0);
  });

  it("makes every request wait out a pause set after a 429", async () => {
    const time = fakeTime(NOW);
    const gate = new RequestGate(4, time.clock, time.sleeper);
    gate.pauseUntil(Date.parse(NOW) + 5000);
    const release = await gate.acquire();
    release();
    expect(time.sleeps).toEqual([5000]);
    expect(time.clock.now().toISOString()).toBe("2026-11-23T10:00:05.000Z");
  });

  it("refuses a limit below one", () => {
    const time = fakeTime(NOW);
    expect(() => new RequestGate(0, time.clock, time.sleeper)).toThrow(RangeError);
  });
});
