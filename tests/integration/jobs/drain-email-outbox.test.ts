import { afterEach, describe, expect, it } from "vitest";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { drainEmailOutbox } from "../../../src/jobs/mail-jobs.js";
import { startAppHarness, type AppHarness, type HarnessOptions } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The same Early Help Assessment from `n` different schools: `n` contacts, `n` acknowledgements due. */
const fromSchool = (n: number) => (raw: string) =>
  raw
    .replace(/^Message-ID: <[^>]+>/m, `Message-ID: <backlog-${n}@school${n}.example>`)
    .replaceAll("priya.raman@nhs.example", `office@school${n}.example`);

describe("rule 1.2 a backlog of acknowledgements", () => {
  // 30: as many as the mailbox may send in a minute (tests/integration/app/letter-pace.test.ts paces more).
  it("goes out in one drain, round after round, each letter once (not one round of 20 per tick)", async () => {
    const h = (harness = await startAppHarness());
    for (let n = 1; n <= 30; n++) await h.deliverFixture("eha-school-nurse.eml", fromSchool(n));
    await syncInbox(h.deps, "test");
    expect(await h.deps.outbox.listPending(100, "email")).toHaveLength(30);

    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 30, failed: 0, throttled: false });

    expect(await h.deps.outbox.listPending(100, "email")).toEqual([]);
    const acks = (await h.sentItems()).filter((m) => m.subject.startsWith("We have received"));
    expect(acks).toHaveLength(30);
    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 0 });
  });
});

/** `count` contacts logged at once: as many acknowledgements due together. */
async function dueAtOnce(count: number, options: HarnessOptions = {}): Promise<AppHarness> {
  const h = (harness = await startAppHarness(options));
  for (let n = 1; n <= count; n++) await h.deliverFixture("eha-school-nurse.eml", fromSchool(n));
  await syncInbox(h.deps, "test");
  expect(await h.deps.outbox.listPending(100, "email")).toHaveLength(count);
  return h;
}

const acksSent = async (h: AppHarness) =>
  (await h.sentItems()).filter((m) => m.subject.startsWith("We have received")).length;

describe("letters paced per mailbox (Exchange: 30 a minute, 10,000 recipients a day)", () => {
  it("sends at most 30 of 40 acknowledgements due at once within a minute; the rest wait, pending, and go after", async () => {
    const h = await dueAtOnce(40);

    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 30, failed: 0 });
    h.clock.advance(59_000);
    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 0, failed: 0 });
    expect(await acksSent(h)).toBe(30);
    const waiting = await h.deps.outbox.listPending(100, "email");
    expect(waiting.map((item) => item.state)).toEqual(Array(10).fill("pending"));

    h.clock.advance(1_000); // a minute after the first send
    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 10, failed: 0 });
    expect(await acksSent(h)).toBe(40);
    expect(await h.deps.outbox.listPending(100, "email")).toEqual([]);
  });

  it("keeps to the day's recipients: past the cap letters wait for the day's oldest hour to pass, never fail", async () => {
    const h = await dueAtOnce(12, { letterPace: { perMinute: 30, recipientsPerDay: 5 } });

    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 5, failed: 0 });
    h.clock.advance(23 * 60 * 60_000); // the same 24 hours: still nothing
    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 0, failed: 0 });
    h.clock.advance(60 * 60_000);
    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 5, failed: 0 });
    h.clock.advance(24 * 60 * 60_000);
    expect(await drainEmailOutbox(h.deps)).toMatchObject({ sent: 2, failed: 0 });
    expect(await acksSent(h)).toBe(12);
  });
});
