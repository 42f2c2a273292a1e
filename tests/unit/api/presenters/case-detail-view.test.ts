import { describe, expect, it } from "vitest";
import { caseDetailOf } from "../../../../src/app/queries/case-detail.js";
import { caseDetailView } from "../../../../src/api/presenters/case-detail-view.js";
import { assessedThenPlanned } from "../../app/casework-fixtures.js";
import { memoryApp, saved } from "../../app/memory-app.js";

async function casePage() {
  const deps = memoryApp("2026-07-01T09:00:00.000Z");
  const kase = assessedThenPlanned();
  await saved(deps, kase);
  const reading = await caseDetailOf(deps, kase.id);
  if (reading === undefined) throw new Error("the case was not saved");
  return caseDetailView(reading, [], new Map(), deps.profile);
}

describe("the case page (GET /api/cases/:caseId)", () => {
  it("rule 9: shows where the voice of the child is evident and where it is missing", async () => {
    const { checks } = await casePage();
    expect(checks).toEqual([
      expect.objectContaining({
        ruleId: "9",
        missing: 1,
        stages: [
          expect.objectContaining({ label: "Early Help Assessment completed", status: "evidenced" }),
          expect.objectContaining({ label: "Support Plan completed", status: "missing" }),
        ],
      }),
    ]);
  });

  it("rule 9 on the closure checklist: a closure requested now would find no voice of the child since the plan", async () => {
    const { closureChecks } = await casePage();
    expect(closureChecks).toEqual([
      expect.objectContaining({
        ruleId: "9",
        missing: 1,
        stages: [expect.objectContaining({ event: "closure.requested", status: "missing" })],
      }),
    ]);
  });
});
