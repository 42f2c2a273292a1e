import { describe, expect, it } from "vitest";
import { caseDetailOf } from "../../../../src/app/queries/case-detail.js";
import { caseDetailView } from "../../../../src/api/presenters/case-detail-view.js";
import { mutationResult } from "../../../../src/api/presenters/mutation-result.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
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

describe("rule 4.2 on the case page and in what recording a visit answers", () => {
  const lateVisit = () =>
    aCase()
      .receivedAt("2026-06-01T09:00:00.000Z")
      .allocatedOn("2026-06-01T10:00:00.000Z")
      .then({ type: "recordInitialContact" }, { at: "2026-06-02T10:00:00.000Z" })
      .then({ type: "recordVisit", childSeen: true }, { at: "2026-06-03T16:15:00.000Z" })
      .build();

  it("the case page names the warning, the visit that raised it and the rule", async () => {
    const deps = memoryApp("2026-06-04T09:00:00.000Z");
    const kase = lateVisit();
    await saved(deps, kase);
    const reading = await caseDetailOf(deps, kase.id);
    if (reading === undefined) throw new Error("the case was not saved");
    const { warnings } = caseDetailView(reading, [], new Map(), deps.profile);
    expect(warnings).toEqual([
      expect.objectContaining({
        ruleId: "4.2",
        label: "Visit completed",
        at: "2026-06-03T16:15:00.000Z",
        citation: expect.objectContaining({ display: "Family Solutions Practice Framework §4.2" }),
      }),
    ]);
  });

  it("the visit's own answer carries the warning; a later change on the case does not repeat it", () => {
    const deps = memoryApp("2026-06-04T09:00:00.000Z");
    const kase = lateVisit();
    const visit = kase.events.at(-1);
    if (visit === undefined) throw new Error("no visit");
    const recorded = mutationResult({ case: kase, events: [visit], etag: 'W/"1"' }, deps);
    expect(recorded.warnings).toEqual([
      expect.stringMatching(/end of the day.*\(Family Solutions Practice Framework §4\.2\)$/),
    ]);
    const first = kase.events[0];
    if (first === undefined) throw new Error("no contact");
    expect(mutationResult({ case: kase, events: [first], etag: 'W/"1"' }, deps).warnings).toEqual([]);
  });
});
