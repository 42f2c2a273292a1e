import { describe, expect, it } from "vitest";
import { caseActions } from "../../../../src/app/actions/available-actions.js";
import { takeCaseAction } from "../../../../src/app/actions/take-case-action.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { memoryApp, saved, staff } from "../memory-app.js";

const manager = staff("mgr-1", "manager");
const practitioner = staff("prac-1", "practitioner");
const ids = (actions: readonly { id: string }[]) => actions.map((a) => a.id);

describe("rule 11.5 as a case action: a manager flags a case high risk and clears it", () => {
  it("is offered to a manager, serving 11.5, never to a practitioner; taken, it offers clearing instead", async () => {
    const deps = memoryApp("2026-06-02T10:00:00.000Z");
    const kase = aCase().receivedAt("2026-06-01T09:00:00.000Z").allocatedOn("2026-06-01T10:00:00.000Z").build();
    await saved(deps, kase);
    const offered = await caseActions(deps, await deps.cases.getCase(kase.id), manager);
    expect(offered.find((a) => a.id === "flag-high-risk")).toMatchObject({
      rules: ["11.5"],
      inputs: [expect.objectContaining({ name: "note", required: true })],
    });
    expect(ids(await caseActions(deps, await deps.cases.getCase(kase.id), practitioner))).not.toContain(
      "flag-high-risk",
    );

    const outcome = await takeCaseAction(deps, kase.id, "flag-high-risk", { note: "Violence at home." }, manager, {});
    expect(outcome.status).toBe("recorded");
    const flagged = await deps.cases.getCase(kase.id);
    expect(flagged.case.highRisk).toBe(true);
    const now = ids(await caseActions(deps, flagged, manager));
    expect(now).toContain("clear-high-risk");
    expect(now).not.toContain("flag-high-risk");
  });

  it("is not offered where the profile has no high-risk awareness rule (Bexley's procedure sets none)", async () => {
    const deps = { ...memoryApp("2026-06-02T10:00:00.000Z"), profile: loadProfile("bexley") };
    const kase = aCase().underProfile("bexley").receivedAt("2026-06-01T09:00:00.000Z").build();
    await saved(deps, kase);
    expect(ids(await caseActions(deps, await deps.cases.getCase(kase.id), manager))).not.toContain("flag-high-risk");
  });
});
