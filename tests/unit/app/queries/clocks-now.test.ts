import { describe, expect, it } from "vitest";
import { caseWithClocks, clockView } from "../../../../src/api/presenters/case-views.js";
import { readCase } from "../../../../src/app/queries/case-reading.js";
import { clocksNow, type ClockDeps } from "../../../../src/app/queries/clocks-now.js";
import { deadlines } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { seededCase } from "../../../../dev/builders/seed-cases.js";
import { calendar } from "../../domain/rules/clock-fixtures.js";

const profile = loadProfile("family-solutions");
const NOW = new Date("2026-12-02T10:00:00.000Z");
const deps: ClockDeps = { profile, calendar, clock: { now: () => NOW } };
/** Every shape of the seed mix (awaiting screening, at MAAM, on the Pre-Allocation List, allocated), over a year. */
const cases = Array.from({ length: 40 }, (_, i) =>
  seededCase(i + 1, { count: 40, newest: "2026-12-02T08:00:00.000Z", spreadDays: 365 }),
);
const RUNNING = new Set(["on-track", "due-soon", "overdue", "breached"]);

describe("a list's clocks (every list shows only the clocks still running)", () => {
  it("are the running instances of every clock the profile derives from the log, instance numbers kept", () => {
    for (const kase of cases) {
      const expected = deadlines(kase, profile, calendar, NOW).filter((d) => RUNNING.has(d.status));
      expect(clocksNow(deps).running(kase)).toEqual(expected);
    }
  });

  it("read through one reading's clocks are exactly those read from the calendar itself", () => {
    const clocks = clocksNow(deps);
    for (const kase of cases) {
      const stored = { case: kase, contacts: [], etag: "W/1" };
      const direct = deadlines(kase, profile, calendar, NOW).filter((d) => RUNNING.has(d.status));
      const view = caseWithClocks(readCase(stored, clocks), new Map());
      expect(view.clocks).toEqual(direct.map(clockView));
    }
  });
});

describe("one reading's clocks", () => {
  it("give every case on the page the same now, read once from the clock", () => {
    let reads = 0;
    const clocks = clocksNow({ ...deps, clock: { now: () => new Date(NOW.getTime() + reads++) } });
    const [first, second] = cases;
    if (first === undefined || second === undefined) throw new Error("the seed mix has cases");
    expect(clocks.running(first)).toEqual(clocksNow(deps).running(first));
    expect(clocks.running(second)).toEqual(clocksNow(deps).running(second));
    expect(clocks.now).toEqual(NOW);
    expect(reads).toBe(1);
  });
});
