import { describe, expect, it } from "vitest";
import {
  decodeSteps,
  encodeSteps,
  planDays,
  steppedNow,
  workingDaysAfter,
} from "../../../../bench/chaos/chaos-clock.js";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";

const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });
const REAL = Date.parse("2026-11-23T14:00:00Z");

describe("the chaos run's stepped clock", () => {
  const steps = planDays({
    startRealMs: REAL,
    days: ["2026-11-24", "2026-11-25"],
    morning: "09:29",
    realMsPerDay: 60_000,
    timeZone: "Europe/London",
  });

  it("opens each simulated day at 09:29 London time and runs at real speed within it", () => {
    expect(steppedNow(steps, REAL).toISOString()).toBe("2026-11-24T09:29:00.000Z");
    expect(steppedNow(steps, REAL + 59_000).toISOString()).toBe("2026-11-24T09:29:59.000Z");
  });

  it("jumps to the next working day's morning when the day's real time is up", () => {
    expect(steppedNow(steps, REAL + 60_000).toISOString()).toBe("2026-11-25T09:29:00.000Z");
    expect(steppedNow(steps, REAL + 90_000).toISOString()).toBe("2026-11-25T09:29:30.000Z");
  });

  it("reads just before the first morning while the run is still setting up", () => {
    expect(steppedNow(steps, REAL - 10_000).toISOString()).toBe("2026-11-24T09:28:50.000Z");
  });

  it("keeps BST: a summer morning at 09:29 London is 08:29 UTC", () => {
    const [summer] = planDays({
      startRealMs: 0,
      days: ["2026-07-01"],
      morning: "09:29",
      realMsPerDay: 1,
      timeZone: "Europe/London",
    });
    expect(new Date(summer!.simMs).toISOString()).toBe("2026-07-01T08:29:00.000Z");
  });

  it("survives the trip through the environment unchanged, and refuses a malformed one", () => {
    expect(decodeSteps(encodeSteps(steps))).toEqual(steps);
    expect(() => decodeSteps("[]")).toThrow(/FC_CHAOS_CLOCK/);
    expect(() => decodeSteps('[{"fromRealMs":"soon"}]')).toThrow(/FC_CHAOS_CLOCK/);
  });
});

describe("the simulated days", () => {
  it("skip the weekend: after Friday 27 November 2026 come Monday 30 November and Tuesday 1 December", () => {
    expect(workingDaysAfter(calendar, "2026-11-27", 2)).toEqual(["2026-11-30", "2026-12-01"]);
  });

  it("skip bank holidays: after Thursday 24 December 2026 comes Tuesday 29 December", () => {
    expect(workingDaysAfter(calendar, "2026-12-24", 1)).toEqual(["2026-12-29"]);
  });
});

describe("the drain after the last simulated day", () => {
  it("jumps later the same day, so that what a killed sender left claimed is taken over", () => {
    const steps = planDays({
      startRealMs: REAL,
      days: ["2026-11-24"],
      morning: "09:29:40",
      realMsPerDay: 100_000,
      timeZone: "Europe/London",
      thenJumpMs: 15 * 60_000,
    });
    expect(steppedNow(steps, REAL + 99_000).toISOString()).toBe("2026-11-24T09:31:19.000Z");
    expect(steppedNow(steps, REAL + 100_000).toISOString()).toBe("2026-11-24T09:46:20.000Z");
  });
});
