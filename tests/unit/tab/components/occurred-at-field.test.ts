import { describe, expect, it } from "vitest";
import { londonLocalMinute, londonLocalToInstant } from "../../../../tab/src/components/london-time.js";
import { occurredAtOf } from "../../../../tab/src/components/occurred-at-field.js";

const NOW = new Date("2026-11-23T14:05:00Z"); // a Monday afternoon, Greenwich Mean Time

describe("when an event happened, as a practitioner types it (London wall-clock time)", () => {
  it("reads winter times as GMT and summer times as BST, whatever the browser's zone", () => {
    expect(londonLocalToInstant("2026-11-20T09:30")).toBe("2026-11-20T09:30:00.000Z");
    expect(londonLocalToInstant("2026-07-10T09:30")).toBe("2026-07-10T08:30:00.000Z");
  });

  it("is now when left empty, an earlier instant when given", () => {
    expect(occurredAtOf("", NOW)).toEqual({ ok: true });
    expect(occurredAtOf("2026-11-23T09:00", NOW)).toEqual({ ok: true, at: "2026-11-23T09:00:00.000Z" });
  });

  it("cannot be in the future, nor something that is not a date and time", () => {
    expect(occurredAtOf("2026-11-23T14:10", NOW)).toEqual({
      ok: false,
      problem: "It cannot have happened in the future.",
    });
    expect(occurredAtOf("2026-13-40T09:00", NOW)).toMatchObject({ ok: false });
  });

  it("offers now in London as the latest choice", () => {
    expect(londonLocalMinute(NOW)).toBe("2026-11-23T14:05");
    expect(londonLocalMinute(new Date("2026-07-10T08:30:00Z"))).toBe("2026-07-10T09:30");
  });
});
