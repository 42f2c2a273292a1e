import { afterEach, describe, expect, it } from "vitest";
import { complianceReport } from "../../../src/app/queries/compliance.js";
import { clocksNow } from "../../../src/app/queries/clocks-now.js";
import { seedDemoHistory } from "../../../src/compose/local-mode/demo-history.js";
import { seedDemoStaff } from "../../../src/compose/local-mode/demo-staff.js";
import type { StoredCase } from "../../../src/ports/cases.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("issue 17 §4 a demo centre with a history, lived through the real use cases on a stepped clock", () => {
  it("seeds three months once: every kind of contact, decisions, casework, closures, some late with reasons, some breached", async () => {
    h = await startAppHarness({ now: "2026-11-30T12:00:00Z", intakeFrom: "2026-01-01T00:00:00Z" });
    await seedDemoStaff(h.store.staff);
    const summary = await seedDemoHistory(h.deps, { contacts: 60 });
    expect(summary.seeded).toBe(true);
    expect(summary.contacts).toBeGreaterThanOrEqual(55);
    expect(summary.lettersSent).toBeGreaterThan(30);

    const cases: StoredCase[] = [];
    for await (const header of h.store.cases.listCaseHeaders()) cases.push(await h.store.cases.getCase(header.id));
    expect(cases).toHaveLength(summary.contacts);
    const kinds = new Set(cases.map((c) => c.case.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    const states = new Set(cases.map((c) => c.case.state));
    expect(states).toContain("closed");
    expect(states).toContain("allocated");
    const events = new Set(cases.flatMap((c) => c.case.events.map((e) => e.type)));
    for (const type of [
      "screening.decided",
      "maam.decided",
      "visit.completed",
      "plan.completed",
      "clock.reason-recorded",
    ]) {
      expect(events).toContain(type);
    }
    // Every event happened within the three months, none after today.
    const times = cases.flatMap((c) => c.case.events.map((e) => e.at)).sort();
    expect(times[0]! >= "2026-08-31").toBe(true);
    expect(times.at(-1)! <= "2026-11-30T12:00:00Z").toBe(true);
    const clocks = cases.flatMap((c) => clocksNow(h!.deps).all(c.case));
    expect(clocks.some((d) => d.status === "breached")).toBe(true);

    const report = await complianceReport(h.deps, { from: "2026-09-01", to: "2026-11-30" });
    expect(report.rules.some((r) => r.onTime > 5)).toBe(true);
    expect(report.rules.some((r) => r.late > 0)).toBe(true);
    expect(report.reasons.length).toBeGreaterThan(0);
    // The monthly trend has something to show in more than one month.
    const busyMonths = (r: (typeof report.rules)[number]) => r.months.filter((m) => m.onTime + m.late > 0).length;
    expect(report.rules.some((r) => busyMonths(r) >= 2)).toBe(true);
    expect(h.logLines.filter((l) => l.includes("Demo Referrer"))).toEqual([]);

    expect(await seedDemoHistory(h.deps)).toMatchObject({ seeded: false });
  }, 240_000);
});
