import { describe, expect, it } from "vitest";
import { instanceLease, notifiedLease, pipelineLease, planShare } from "../../../src/jobs/pipeline-share.js";
import type { Lease } from "../../../src/ports/leases.js";

const NOW = new Date("2026-12-01T10:00:00Z");
const LATER = "2026-12-01T10:00:30.000Z";
const LAPSED = "2026-12-01T09:59:59.000Z";
const CENTRES = Array.from({ length: 20 }, (_, i) => `c${i + 1}`);

const lease = (name: string, holderId: string, expiresAt = LATER): Lease => ({ name, holderId, expiresAt, etag: "e" });
const heartbeat = (holderId: string, expiresAt = LATER) => lease(instanceLease(holderId), holderId, expiresAt);
const held = (holderId: string, centres: readonly string[], expiresAt = LATER) =>
  centres.map((centre) => lease(pipelineLease(centre), holderId, expiresAt));

describe("the fair share of the county's mailbox pipelines", () => {
  it("lets a lone instance take every mailbox", () => {
    const plan = planShare({ centres: CENTRES, holderId: "a", held: new Set(), leases: [heartbeat("a")], now: NOW });
    expect(plan).toMatchObject({ live: 1, share: 20, giveBack: [] });
    expect([...plan.take].sort()).toEqual([...CENTRES].sort());
  });

  it("gives back the surplus, last first, when a second instance appears, and the newcomer takes what is free", () => {
    const leases = [heartbeat("a"), heartbeat("b"), ...held("a", CENTRES)];
    const a = planShare({ centres: CENTRES, holderId: "a", held: new Set(CENTRES), leases, now: NOW });
    expect(a).toMatchObject({ live: 2, share: 10, take: [] });
    expect(a.giveBack).toEqual(CENTRES.slice(10).reverse());

    const afterRelease = [heartbeat("a"), heartbeat("b"), ...held("a", CENTRES.slice(0, 10))];
    const b = planShare({ centres: CENTRES, holderId: "b", held: new Set(), leases: afterRelease, now: NOW });
    expect([...b.take].sort()).toEqual(CENTRES.slice(10).sort());
  });

  it("takes a dead instance's mailboxes once their leases lapse, not before", () => {
    const mine = CENTRES.slice(0, 10);
    const alive = [heartbeat("a"), heartbeat("b", LAPSED), ...held("a", mine), ...held("b", CENTRES.slice(10))];
    const before = planShare({ centres: CENTRES, holderId: "a", held: new Set(mine), leases: alive, now: NOW });
    expect(before).toMatchObject({ live: 1, share: 20, take: [] });

    const lapsed = [heartbeat("a"), ...held("a", mine), ...held("b", CENTRES.slice(10), LAPSED)];
    const after = planShare({ centres: CENTRES, holderId: "a", held: new Set(mine), leases: lapsed, now: NOW });
    expect([...after.take].sort()).toEqual(CENTRES.slice(10).sort());
  });

  it("never takes more than ceil(centres ÷ live instances)", () => {
    const leases = [heartbeat("a"), heartbeat("b"), heartbeat("c")];
    const plan = planShare({ centres: CENTRES, holderId: "a", held: new Set(), leases, now: NOW });
    expect(plan).toMatchObject({ live: 3, share: 7 });
    expect(plan.take).toHaveLength(7);
  });

  it("hands the holder the notifications other instances left for the mailboxes it keeps, and no others", () => {
    const leases = [
      heartbeat("a"),
      heartbeat("b"),
      lease(notifiedLease("c1", "changed"), "b"),
      lease(notifiedLease("c2", "missed"), "b"),
      lease(notifiedLease("c20", "changed"), "a"),
    ];
    const plan = planShare({ centres: CENTRES, holderId: "a", held: new Set(["c1", "c2"]), leases, now: NOW });
    expect(plan.notified.map(({ centre, kind }) => `${centre} ${kind}`)).toEqual(["c1 changed", "c2 missed"]);
  });
});
