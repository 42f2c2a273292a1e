import { describe, expect, it } from "vitest";
import { complianceReport } from "../../../../src/app/queries/compliance.js";
import { aCase, closureReady } from "../../../../dev/builders/case-builder.js";
import { assessedThenPlanned } from "../casework-fixtures.js";
import { memoryApp, saved } from "../memory-app.js";

describe("the compliance report", () => {
  it("4.3 stays breached in compliance when a case past its maximum is signed off", async () => {
    const deps = memoryApp("2026-07-01T09:00:00.000Z");
    await saved(
      deps,
      aCase()
        .receivedAt("2026-05-01T09:00:00.000Z")
        .allocatedOn("2026-05-01T10:00:00.000Z")
        .then(
          { type: "requestClosure", checklist: closureReady(), summary: "Done." },
          { at: "2026-06-01T10:00:00.000Z" },
        )
        .then({ type: "signOffClosure", endDate: "2026-06-02" }, { at: "2026-06-02T10:00:00.000Z" })
        .build(),
    );

    const report = await complianceReport(deps, { from: "2026-06-01", to: "2026-06-30" });

    expect(report.rules.find((r) => r.ruleId === "4.3")).toMatchObject({
      onTime: 0,
      late: 1,
      lateUnmet: 1,
      lateWithinMaximum: 0,
      cancelled: 0,
    });
    expect(report.rules.find((r) => r.ruleId === "5.1a")).toMatchObject({ late: 0, cancelled: 1 });
  });

  it("rule 9: counts the stages where the voice of the child was evident and where it was missing", async () => {
    const deps = memoryApp("2026-07-01T09:00:00.000Z");
    await saved(deps, assessedThenPlanned());

    const report = await complianceReport(deps, { from: "2026-06-01", to: "2026-06-30" });

    expect(report.checks).toEqual([
      {
        ruleId: "9",
        ruleName: "Voice of the child is evident",
        citation: expect.objectContaining({ section: "9" }),
        evidenced: 1,
        missing: 1,
      },
    ]);
  });
});
