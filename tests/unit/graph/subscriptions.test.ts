import { describe, expect, it } from "vitest";
import { checkSettings, planSubscription } from "../../../src/graph/subscriptions.js";

const settings = {
  notificationUrl: "https://fc.example/api/graph/notify",
  clientState: "s",
  lifetimeMinutes: 4230,
  renewBeforeMinutes: 720,
};
const NOW = new Date("2026-11-23T10:00:00Z");

describe("keeping the inbox subscription alive", () => {
  it("creates one when none is stored", () => {
    expect(planSubscription(undefined, settings, NOW)).toBe("create");
  });

  it("keeps one that expires after the renewal window", () => {
    expect(planSubscription({ id: "s1", expiresAt: "2026-11-23T22:00:01Z" }, settings, NOW)).toBe("keep");
  });

  it("renews one at the start of the renewal window", () => {
    expect(planSubscription({ id: "s1", expiresAt: "2026-11-23T22:00:00Z" }, settings, NOW)).toBe("renew");
  });

  it("renews one already expired (Graph answers 404 if it is gone, and it is recreated)", () => {
    expect(planSubscription({ id: "s1", expiresAt: "2026-11-20T10:00:00Z" }, settings, NOW)).toBe("renew");
  });

  it("refuses a lifetime over Graph's 10,080 minutes", () => {
    expect(() => checkSettings({ ...settings, lifetimeMinutes: 10_081 })).toThrow(/1 to 10080 minutes/);
  });

  it("refuses a renewal window as long as the lifetime", () => {
    expect(() => checkSettings({ ...settings, renewBeforeMinutes: 4230 })).toThrow(RangeError);
  });
});
