import { describe, expect, it } from "vitest";
import { planFaults, type FaultPlanSizes } from "../../../../bench/chaos/fault-plan.js";

const SIZES: FaultPlanSizes = {
  runMs: 400_000,
  kills: 22,
  notificationWindows: 5,
  throttleStorms: 5,
  deltaExpiries: 3,
  subscriptionRemovals: 2,
  reauthorizations: 2,
  azuriteRestarts: 2,
  twoInstancesFrom: 0.8,
};
const kinds = (seed: number) => planFaults(seed, SIZES).map((f) => f.action.kind);

describe("the chaos run's fault plan", () => {
  it("is the same plan for the same seed, so a printed seed reproduces a run", () => {
    expect(planFaults(7, SIZES)).toEqual(planFaults(7, SIZES));
    expect(planFaults(7, SIZES)).not.toEqual(planFaults(8, SIZES));
  });

  it("kills the service as often as asked, all before the second instance starts", () => {
    const plan = planFaults(11, SIZES);
    const kills = plan.filter((f) => f.action.kind === "kill-service");
    const second = plan.find((f) => f.action.kind === "start-second-instance");
    expect(kills).toHaveLength(22);
    expect(second?.atMs).toBe(320_000);
    for (const kill of kills) expect(kill.atMs).toBeLessThan(320_000);
  });

  it("has every kind of fault the issue names, in time order, within the run", () => {
    const plan = planFaults(3, SIZES);
    expect(new Set(kinds(3))).toEqual(
      new Set([
        "kill-service",
        "stand-in",
        "expire-delta-tokens",
        "remove-subscription",
        "reauthorization-required",
        "restart-azurite",
        "start-second-instance",
      ]),
    );
    expect(plan.map((f) => f.atMs)).toEqual([...plan.map((f) => f.atMs)].sort((a, b) => a - b));
    for (const fault of plan) expect(fault.atMs).toBeLessThanOrEqual(SIZES.runMs);
  });

  it("challenges the subscription for reauthorization in the middle of the run", () => {
    const reauthorizations = planFaults(9, SIZES).filter((f) => f.action.kind === "reauthorization-required");
    expect(reauthorizations).toHaveLength(2);
    for (const fault of reauthorizations) {
      expect(fault.atMs).toBeGreaterThanOrEqual(SIZES.runMs * 0.25);
      expect(fault.atMs).toBeLessThanOrEqual(SIZES.runMs * 0.75);
    }
  });

  it("switches each notification fault and each storm back off after it was switched on", () => {
    const changes = planFaults(5, SIZES).flatMap((f) => (f.action.kind === "stand-in" ? [f.action.change] : []));
    expect(changes.filter((c) => c.throttle === null)).toHaveLength(5);
    expect(changes.filter((c) => c.throttle !== null && c.throttle !== undefined)).toHaveLength(5);
    expect(changes.filter((c) => c.dropNotifications === 0 && c.reorderNotifications === false)).toHaveLength(5);
  });
});
