import { describe, expect, it } from "vitest";
import { evaluatedChecks } from "../../../../src/domain/rules/check-stages.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase, closureReady } from "../../../../dev/builders/case-builder.js";

const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");
const voiceOfChild = { type: "recordCaseNote", noteType: "voice-of-child", note: "Drew with Sam." } as const;
const managersDecision = { type: "recordCaseNote", noteType: "managers-decision", note: "Agreed." } as const;

/** Allocated on 1 June 2026, visited with the child seen on 3 June. */
const visited = () =>
  aCase()
    .receivedAt("2026-06-01T09:00:00.000Z")
    .allocatedOn("2026-06-01T10:00:00.000Z")
    .then({ type: "recordInitialContact" }, { at: "2026-06-02T10:00:00.000Z" })
    .then({ type: "recordVisit", childSeen: true }, { at: "2026-06-03T10:00:00.000Z" });

const stagesOf = (ruleId: string, checks: ReturnType<typeof evaluatedChecks>) =>
  checks.find((c) => c.ruleId === ruleId)?.stages.map((s) => [s.event, s.status]);

describe("rule 9: the voice of the child at assessment, plan, review and closure", () => {
  it("is evident at the assessment when direct work was recorded during it, and missing at a plan without any", () => {
    const kase = visited()
      .then(voiceOfChild, { at: "2026-06-10T10:00:00.000Z" })
      .then({ type: "completeAssessment" }, { at: "2026-06-20T10:00:00.000Z" })
      .then({ type: "completePlan" }, { at: "2026-07-01T10:00:00.000Z" })
      .build();
    expect(stagesOf("9", evaluatedChecks(kase, familySolutions))).toEqual([
      ["assessment.completed", "evidenced"],
      ["plan.completed", "missing"],
    ]);
  });

  it("is missing at closure when no direct-work note was recorded since the last review", () => {
    const kase = visited()
      .then(voiceOfChild, { at: "2026-06-10T10:00:00.000Z" })
      .then({ type: "completeAssessment" }, { at: "2026-06-20T10:00:00.000Z" })
      .then(voiceOfChild, { at: "2026-06-25T10:00:00.000Z" })
      .then({ type: "completePlan" }, { at: "2026-07-01T10:00:00.000Z" })
      .then(voiceOfChild, { at: "2026-08-01T10:00:00.000Z" })
      .then({ type: "holdReview" }, { at: "2026-08-10T10:00:00.000Z" })
      .then({ type: "requestClosure", checklist: closureReady(), summary: "Done." }, { at: "2026-09-01T10:00:00.000Z" })
      .build();
    const [rule9] = evaluatedChecks(kase, familySolutions);
    expect(rule9).toMatchObject({ ruleId: "9", citation: { display: "Family Solutions Practice Framework §9" } });
    expect(stagesOf("9", [rule9!])).toEqual([
      ["assessment.completed", "evidenced"],
      ["plan.completed", "evidenced"],
      ["review.held", "evidenced"],
      ["closure.requested", "missing"],
    ]);
  });

  it("has no stage on a case that has reached none of them", () => {
    expect(evaluatedChecks(visited().build(), familySolutions)).toEqual([]);
  });
});

describe("Bexley §12: a manager's oversight at each critical point", () => {
  /** A Bexley referral accepted and allocated on 2 March 2026, its introductory visit on 4 March. */
  const bexleyCase = () =>
    aCase()
      .underProfile("bexley")
      .receivedAt("2026-03-02T09:00:00.000Z")
      .then({ type: "recordConsent", given: true })
      .then({ type: "recordFrontDoorDecision", outcome: "family-wellbeing", note: "Eligible." })
      .screenedAs("accept", { at: "2026-03-02T12:00:00.000Z" })
      .allocatedTo("k1", { at: "2026-03-02T15:00:00.000Z" })
      .then(managersDecision, { at: "2026-03-02T16:00:00.000Z" })
      .then({ type: "recordInitialContact" }, { at: "2026-03-03T10:00:00.000Z" })
      .then({ type: "recordVisit", childSeen: true }, { at: "2026-03-04T10:00:00.000Z" });

  it("is evidenced at allocation, and awaited after the introductory visit until the next point", () => {
    expect(stagesOf("oversight", evaluatedChecks(bexleyCase().build(), bexley))).toEqual([
      ["case.allocated", "evidenced"],
      ["visit.completed", "awaiting"],
    ]);
  });

  it("counts only the introductory visit, not every visit, and is missing once the next point comes without it", () => {
    const kase = bexleyCase()
      .then({ type: "recordVisit", childSeen: true }, { at: "2026-03-11T10:00:00.000Z" })
      .then({ type: "completeAssessment" }, { at: "2026-03-18T10:00:00.000Z" })
      .then(managersDecision, { at: "2026-03-19T10:00:00.000Z" })
      .build();
    expect(stagesOf("oversight", evaluatedChecks(kase, bexley))).toEqual([
      ["case.allocated", "evidenced"],
      ["visit.completed", "missing"],
      ["assessment.completed", "evidenced"],
    ]);
  });

  it("cites the procedure's section 12", () => {
    const [oversight] = evaluatedChecks(bexleyCase().build(), bexley);
    expect(oversight?.citation).toMatchObject({ document: "FWS Procedure", section: "12" });
  });
});
