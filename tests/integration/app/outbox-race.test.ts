import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const logged = (h: AppHarness) => h.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("rule 1.2 acknowledgement sent once when two senders race", () => {
  it("sends the letter once and logs the lost race as taken by another sender, not as an error", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");

    const rounds = await Promise.all([deliverOutbox(h.deps), deliverOutbox(h.deps)]);

    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(rounds.reduce((n, r) => n + r.failed, 0)).toBe(0);
    expect(await h.sentItems()).toHaveLength(1);
    const lines = logged(h);
    expect(lines.filter((l) => l.event === "outbox.taken-by-another-sender")).toHaveLength(1);
    expect(lines.filter((l) => l.event === "outbox.taken-by-another-sender")[0]).toMatchObject({ level: "info" });
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  });
});
