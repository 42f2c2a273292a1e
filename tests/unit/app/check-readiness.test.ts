import { describe, expect, it } from "vitest";
import { checkReadiness, worstReadiness, type ReadinessDeps } from "../../../src/app/check-readiness.js";
import { SUBSCRIPTION_KEY } from "../../../src/app/mail-keys.js";
import type { Reachable } from "../../../src/ports/health.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { memoryAppendBlobs } from "../../../src/store/memory/memory-append-blobs.js";
import { memoryEntityTable } from "../../../src/store/memory/memory-entity-table.js";
import { storeOver } from "../../../src/store/store.js";
import { movableClock } from "../../support/app-harness.js";

const NOW = "2026-12-01T10:00:00Z";
const answers: Reachable = { ping: () => Promise.resolve() };
const refuses: Reachable = { ping: () => Promise.reject(new Error("ECONNREFUSED")) };
const neverAnswers: Reachable = { ping: () => new Promise(() => undefined) };

async function aService(mailbox: Reachable = answers, subscriptionExpiresAt?: string): Promise<ReadinessDeps> {
  const store = createMemoryStore();
  if (subscriptionExpiresAt !== undefined) {
    await store.sync.put(SUBSCRIPTION_KEY, { subscriptionId: "sub-1", subscriptionExpiresAt });
  }
  return { sync: store.sync, leaseStates: store.leaseStates, mailbox, clock: movableClock(NOW) };
}

describe("readiness", () => {
  it("is ready when the tables and Graph answer, the subscription is current and no lease is stuck", async () => {
    const deps = await aService(answers, "2026-12-03T10:00:00Z");
    const store = createMemoryStore();
    await store.leases.acquire("job~nudges", "a", 60_000, new Date(NOW));
    expect(await checkReadiness({ ...deps, leaseStates: store.leaseStates })).toEqual({
      ready: true,
      checks: { storage: "ok", graph: "ok", subscription: "ok", leases: "ok" },
    });
  });

  it("is not ready before the inbox subscription exists, nor once it has lapsed", async () => {
    expect((await checkReadiness(await aService(answers))).checks.subscription).toBe("missing");
    const lapsed = await checkReadiness(await aService(answers, "2026-12-01T09:59:59Z"));
    expect(lapsed).toMatchObject({ ready: false, checks: { subscription: "expired", storage: "ok" } });
  });

  it("says Graph is unreachable when the mailbox refuses, and timed out when it never answers", async () => {
    const current = "2026-12-03T10:00:00Z";
    expect((await checkReadiness(await aService(refuses, current))).checks.graph).toBe("unreachable");
    const slow = await checkReadiness(await aService(neverAnswers, current), 50);
    expect(slow).toMatchObject({ ready: false, checks: { graph: "timed-out", storage: "ok" } });
  });

  it("finds a lease whose expiry cannot be read stuck, while a lapsed one is only available", async () => {
    const leasesTable = memoryEntityTable("Leases");
    const store = storeOver((name) => (name === "Leases" ? leasesTable : memoryEntityTable(name)), memoryAppendBlobs());
    await store.sync.put(SUBSCRIPTION_KEY, { subscriptionExpiresAt: "2026-12-03T10:00:00Z" });
    await store.leases.acquire("job~agendas", "a", 1, new Date("2026-11-30T00:00:00Z"));
    const deps = { sync: store.sync, leaseStates: store.leaseStates, mailbox: answers, clock: movableClock(NOW) };
    expect((await checkReadiness(deps)).checks.leases).toBe("ok");
    await leasesTable.insert({ partitionKey: "job~nudges", rowKey: "lease", holderId: "b", expiresAt: "soon" });
    expect(await store.leaseStates.leaseStates(new Date(NOW))).toContain("stuck");
    expect(await checkReadiness(deps)).toMatchObject({ ready: false, checks: { leases: "stuck" } });
  });

  it("issue 21: is ready only when every centre is, naming each check's worst outcome across centres", () => {
    const ok = { storage: "ok", graph: "ok", subscription: "ok", leases: "ok" } as const;
    const north = { ready: true, checks: ok };
    const south = { ready: false, checks: { ...ok, graph: "timed-out", subscription: "missing" } } as const;
    const east = { ready: false, checks: { ...ok, graph: "unreachable" } } as const;
    expect(worstReadiness([north, north])).toEqual({ ready: true, checks: ok });
    expect(worstReadiness([north, south, east])).toEqual({
      ready: false,
      checks: { storage: "ok", graph: "unreachable", subscription: "missing", leases: "ok" },
    });
  });
});
