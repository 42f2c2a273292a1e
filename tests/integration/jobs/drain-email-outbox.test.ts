import { afterEach, describe, expect, it } from "vitest";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { drainEmailOutbox } from "../../../src/jobs/mail-jobs.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

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
