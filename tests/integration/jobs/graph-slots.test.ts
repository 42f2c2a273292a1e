import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { createGraphClient, type GraphClient } from "../../../src/graph/graph-client.js";
import { GraphMailbox } from "../../../src/graph/graph-mailbox.js";
import { graphSlots } from "../../../src/jobs/graph-slots.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { systemClock } from "../../../src/compose/system-clock.js";
import { createTableStore } from "../../../src/store/create-table-store.js";
import type { Store } from "../../../src/store/store.js";
import { movableClock } from "../../support/app-harness.js";

const MAILBOX = "familycentre@council.example";
let standIn: StandIn;
let store: Store;

beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0, mailbox: MAILBOX });
  store = await createTableStore(inject("azuriteConnectionString"), {
    allowInsecureConnection: true,
    tablePrefix: `Slots${randomBytes(6).toString("hex")}`,
  });
});
afterAll(() => standIn.close());

/** One service instance: its own Graph client, sharing the mailbox's slots through the common lease store. */
function instance(holderId: string, clock = movableClock("2026-11-23T10:00:00Z")) {
  const client: GraphClient = createGraphClient({
    baseUrl: standIn.graphBaseUrl,
    credential: { staticToken: "t" },
    clock: systemClock,
  });
  const slots = graphSlots({
    leases: store.leases,
    clock,
    logger: silentLogger,
    mailbox: `${MAILBOX}-${holderId.split("~")[0]}`, // each test its own slots
    holderId,
    setCapacity: (n) => client.setMaxConcurrent(n),
  });
  return { client, slots, mailbox: new GraphMailbox(client, { mailbox: MAILBOX }) };
}

describe("the mailbox's 4 concurrent requests, shared by the service's instances", () => {
  it("are split two and two between two instances, so together they never send a fifth", async () => {
    const a = instance("run1~a");
    const b = instance("run1~b");
    expect(await a.slots.tick()).toBe(4); // alone
    expect(await b.slots.tick()).toBe(0); // a holds them all: b asks for its share
    expect(await a.slots.tick()).toBe(2); // a meets b and makes room
    expect(await b.slots.tick()).toBe(2);
    expect([await a.slots.tick(), await b.slots.tick()]).toEqual([2, 2]); // and it stays so

    const ids = await Promise.all([1, 2, 3].map((n) => standIn.deliver(`Subject: ${n}\r\n\r\nbody`)));
    standIn.faults.set({ latencyMs: 60, enforceMailboxLimits: true });
    const burst = (box: GraphMailbox) => Array.from({ length: 10 }, (_, i) => box.getMessage(ids[i % 3] as string));
    await Promise.all([...burst(a.mailbox), ...burst(b.mailbox)]);
    standIn.faults.reset();

    expect(standIn.stats().requests["GET /users/{user}/messages/{id}"]?.["429"]).toBeUndefined();
    expect(standIn.stats().peakInFlight).toBeLessThanOrEqual(4);
    await Promise.all([a.slots.stop(), b.slots.stop()]);
  });

  it("go back to one instance once the other has stopped and its slots have lapsed", async () => {
    const clock = movableClock("2026-11-23T10:00:00Z");
    const a = instance("run2~a", clock);
    const b = instance("run2~b", clock);
    await a.slots.tick();
    await b.slots.tick();
    await a.slots.tick();
    expect(await b.slots.tick()).toBe(2);

    clock.advance(61_000); // b was killed: it renews nothing, and its leases lapse
    await a.slots.tick();
    expect(await a.slots.tick()).toBe(4);
    await a.slots.stop();
  });
});
