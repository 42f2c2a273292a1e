import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { PIPELINE_TTL_MS, pipelineLeases, type MailPipeline } from "../../../src/jobs/pipeline-leases.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { createCountyStore } from "../../../src/store/county-store.js";
import { movableClock } from "../../support/app-harness.js";

const CENTRES = Array.from({ length: 20 }, (_, i) => `c${i + 1}`);

/** What each instance's pipelines did: which run here now, and the notifications handed to them. */
class Pipelines {
  readonly running = new Set<string>();
  readonly notifications: string[] = [];
  of = (centre: string): MailPipeline => ({
    start: async () => void this.running.add(centre),
    stop: async () => void this.running.delete(centre),
    notified: (kind) => void this.notifications.push(`${centre} ${kind}`),
  });
}

describe("mailbox pipelines spread over instances by the county's leases (Azurite)", () => {
  it("shares 20 mailboxes between two instances, hands notifications to the holder, and moves a dead one's over", async () => {
    const county = await createCountyStore(inject("azuriteConnectionString"), {
      allowInsecureConnection: true,
      tablePrefix: `Pipe${randomBytes(6).toString("hex")}`,
    });
    const clock = movableClock("2026-12-01T10:00:00Z");
    const instance = (holderId: string) => {
      const pipelines = new Pipelines();
      const leases = pipelineLeases({
        leases: county.leases,
        clock,
        logger: silentLogger,
        holderId,
        centres: CENTRES,
        pipeline: pipelines.of,
      });
      return { pipelines, leases };
    };
    const a = instance("a");
    await a.leases.tick();
    expect(a.pipelines.running.size).toBe(20);

    const b = instance("b");
    await b.leases.tick(); // meets a's heartbeat: its share is 10, none free yet
    await a.leases.tick(); // meets b's: gives back 10
    await b.leases.tick(); // takes them
    expect([a.pipelines.running.size, b.pipelines.running.size]).toEqual([10, 10]);
    expect(new Set([...a.pipelines.running, ...b.pipelines.running]).size).toBe(20);

    // A notification reaching the instance that does not hold the mailbox is left for the one that does.
    const [bHolds] = [...b.pipelines.running];
    expect(a.leases.holds(bHolds as string)).toBe(false);
    await a.leases.leaveNotification(bHolds as string, "changed");
    await b.leases.tick();
    expect(b.pipelines.notifications).toEqual([`${bHolds} changed`]);
    await b.leases.tick();
    expect(b.pipelines.notifications).toHaveLength(1); // handed over once

    // b dies (no more ticks, nothing released): a takes its mailboxes once their leases lapse, not before.
    clock.advance(PIPELINE_TTL_MS / 2);
    await a.leases.tick();
    expect(a.pipelines.running.size).toBe(10);
    clock.advance(PIPELINE_TTL_MS / 2 + 1);
    await a.leases.tick();
    expect(a.pipelines.running.size).toBe(20);

    await a.leases.stop();
    expect(a.pipelines.running.size).toBe(0);
    expect((await county.leases.list()).filter((lease) => lease.holderId === "a")).toEqual([]);
  });
});
