import { describe, expect, it } from "vitest";
import { complianceReport, monthsOf } from "../../../../src/app/queries/compliance.js";
import { memoryApp } from "../memory-app.js";

describe("issue 17 §5 the monthly trend per rule and each rule's target", () => {
  it("names every calendar month a period touches, across a year's end", () => {
    expect(monthsOf({ from: "2026-11-15", to: "2027-02-01" })).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsOf({ from: "2026-11-01", to: "2026-11-30" })).toEqual(["2026-11"]);
  });

  it("gives each rule a month-by-month count and the profile's target, 100% where the profile sets none", async () => {
    const deps = memoryApp("2026-11-20T10:00:00Z");
    const profile = {
      ...deps.profile,
      rules: deps.profile.rules.map((r) => (r.id === "1.2" && r.kind === "clock" ? { ...r, onTimeTarget: 95 } : r)),
    };
    const report = await complianceReport({ ...deps, profile }, { from: "2026-09-01", to: "2026-11-20" });
    const rule = (id: string) => report.rules.find((r) => r.ruleId === id);
    expect(rule("1.2")?.target).toBe(95);
    expect(rule("1.1")?.target).toBe(100);
    expect(rule("1.1")?.months.map((m) => m.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
  });
});
