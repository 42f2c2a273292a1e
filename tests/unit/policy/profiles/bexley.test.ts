import { describe, expect, it } from "vitest";
import { clockInstances } from "../../../../src/domain/rules/clock-instances.js";
import type { ClockRule, Profile, Rule } from "../../../../src/domain/rules/profile-schema.js";
import type { Timescale } from "../../../../src/domain/rules/timescale.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { log } from "./log.js";

const profile: Profile = loadProfile("bexley");
const ruleById = (id: string): Rule => {
  const rule = profile.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`rule ${id} is missing from the profile`);
  return rule;
};
const clock = (id: string): ClockRule => {
  const rule = ruleById(id);
  if (rule.kind !== "clock") throw new Error(`rule ${id} is a ${rule.kind} rule, not a clock`);
  return rule;
};

/** One row per Bexley rule (PRACTICE-FRAMEWORK.md, "Bexley profile"), citing the procedure's section. */
const procedure: {
  id: string;
  rule: string;
  kind: Rule["kind"];
  document: string;
  section: string;
  maximum?: Timescale;
  recurring?: boolean;
  /** The procedure sets no timescale: the profile's is the service's own practice. */
  localPractice?: boolean;
}[] = [
  {
    id: "front-door-decision",
    rule: "Front Door/MASH initial decision",
    kind: "clock",
    document: "FWS Procedure",
    section: "2",
    maximum: { amount: 24, unit: "hours" },
  },
  {
    id: "threshold-dispute",
    rule: "disputed threshold resolved",
    kind: "clock",
    document: "FWS Procedure",
    section: "2",
    maximum: { amount: 24, unit: "hours" },
  },
  {
    id: "acknowledgement",
    rule: "referrer acknowledged",
    kind: "clock",
    document: "FWS Procedure",
    section: "2",
    maximum: { amount: 1, unit: "working-days" },
    localPractice: true,
  },
  {
    id: "outcome-letter",
    rule: "referrer told the outcome",
    kind: "clock",
    document: "FWS Procedure",
    section: "2",
    maximum: { amount: 1, unit: "working-days" },
    localPractice: true,
  },
  { id: "consent", rule: "written parental consent", kind: "check", document: "FWS Procedure", section: "2" },
  {
    id: "consent-override",
    rule: "consent overridden only by a manager's decision",
    kind: "check",
    document: "CRS guide",
    section: "Multi-Agency Safeguarding Hub (MASH)",
  },
  { id: "eligibility", rule: "tier 2 and one of four factors", kind: "check", document: "FWS Procedure", section: "1" },
  {
    id: "allocation",
    rule: "allocate a Family Key Worker",
    kind: "clock",
    document: "FWS Procedure",
    section: "3",
    maximum: { amount: 24, unit: "hours" },
  },
  {
    id: "introductory-visit",
    rule: "introductory visit",
    kind: "clock",
    document: "FWS Procedure",
    section: "3",
    maximum: { amount: 5, unit: "calendar-days" },
  },
  {
    id: "wellbeing-assessment",
    rule: "wellbeing assessment written up and authorised",
    kind: "clock",
    document: "FWS Procedure",
    section: "4",
    maximum: { amount: 20, unit: "calendar-days" },
  },
  {
    id: "signposting-handover",
    rule: "signposting hand-over meeting",
    kind: "clock",
    document: "FWS Procedure",
    section: "5",
    maximum: { amount: 5, unit: "working-days" },
  },
  {
    id: "visits",
    rule: "visits after the initial planning meeting",
    kind: "clock",
    document: "FWS Procedure",
    section: "7",
    maximum: { amount: 4, unit: "calendar-weeks" },
    recurring: true,
  },
  {
    id: "reviews",
    rule: "formal reviews",
    kind: "clock",
    document: "FWS Procedure",
    section: "8",
    maximum: { amount: 3, unit: "calendar-months" },
    recurring: true,
  },
  {
    id: "visit-recording",
    rule: "visit recorded",
    kind: "clock",
    document: "FWS Procedure",
    section: "10",
    maximum: { amount: 24, unit: "hours" },
  },
  { id: "case-closure", rule: "ready to close", kind: "check", document: "FWS Procedure", section: "9" },
  {
    id: "oversight",
    rule: "manager's oversight at the critical points",
    kind: "check",
    document: "FWS Procedure",
    section: "12",
  },
  {
    id: "out-of-hours-message",
    rule: "answerphone messages answered the next working day",
    kind: "clock",
    document: "FWS Procedure",
    section: "2",
    maximum: { amount: 1, unit: "working-days" },
  },
  // Seed 004 (Southampton's CRS) and seed 000 (Lead Family Worker roles), where they fit this profile.
  {
    id: "lado-notification",
    rule: "LADO notified within 24 hours",
    kind: "clock",
    document: "CRS guide",
    section: "Local Authority Designated Officer (LADO)",
    maximum: { amount: 24, unit: "hours" },
  },
  {
    id: "lado-response",
    rule: "LADO responds within 24 working hours",
    kind: "clock",
    document: "CRS guide",
    section: "Local Authority Designated Officer (LADO)",
    maximum: { amount: 24, unit: "working-hours" },
  },
  {
    id: "lead-worker-after-panel",
    rule: "lead worker allocated within one week of the panel",
    kind: "clock",
    document: "Lead Family Worker roles",
    section: "Lead Agency",
    maximum: { amount: 1, unit: "calendar-weeks" },
  },
  {
    id: "transfer-panel-meeting",
    rule: "weekly transfer panel",
    kind: "schedule",
    document: "FWS Procedure",
    section: "2",
  },
];

describe("the bexley profile (seed 002)", () => {
  it("holds exactly the rules of the procedure", () => {
    expect(profile.rules.map((r) => r.id).sort()).toEqual(procedure.map((row) => row.id).sort());
  });

  describe.each(procedure)("rule $id ($rule)", (row) => {
    const rule = ruleById(row.id);

    it(`cites ${row.document} §${row.section} and is a ${row.kind} rule`, () => {
      expect(rule.citation).toEqual({ document: row.document, section: row.section });
      expect(profile.documents[row.document]).toBeDefined();
      expect(rule.kind).toBe(row.kind);
    });

    if (row.kind === "clock") {
      it("has the maximum the procedure states and no separate expectation", () => {
        const c = clock(row.id);
        expect(c.maximum).toEqual(row.maximum);
        expect(c.expected).toBeUndefined();
        expect(c.recurrence?.restartOn === "stop").toBe(row.recurring === true);
        expect(c.localPractice).toBe(row.localPractice === true);
      });
    }
  });

  describe("consent", () => {
    it("is required before a referral is accepted", () => {
      expect(profile.features).toEqual({
        consentRequired: true,
        frontDoorDecision: true,
        stepDownsTo: "transfer-panel",
      });
    });

    it("is checked when the duty manager accepts the referral", () => {
      expect(ruleById("consent")).toMatchObject({ on: [{ event: "screening.decided", where: { outcome: "accept" } }] });
    });

    it("may be overridden only with a recorded manager decision", () => {
      const rule = ruleById("consent-override");
      expect(rule).toMatchObject({
        on: [{ event: "consent.recorded", where: { overriddenByManagerDecision: true } }],
      });
      expect(rule.kind === "check" && rule.items.map((i) => i.id)).toEqual(["managers-decision"]);
    });
  });

  describe("eligibility", () => {
    it("asks for a tier two need with at least one of the four factors", () => {
      const rule = ruleById("eligibility");
      expect(rule.kind === "check" && rule.items.map((i) => i.id)).toEqual([
        "tier-two",
        "one-of-four-factors",
        "impacts-wellbeing",
      ]);
      const factors = rule.kind === "check" ? (rule.items[1]?.label ?? "") : "";
      for (const factor of ["domestic violence", "mental ill-health", "substance misuse", "excluded from"]) {
        expect(factors).toContain(factor);
      }
    });
  });

  describe("allocation and the introductory visit", () => {
    it("allocates within 24 hours of acceptance, then the visit is due within 5 calendar days", () => {
      const events = log(
        ["screening.decided", "2026-03-06T16:00:00.000Z", { outcome: "accept" }],
        ["case.allocated", "2026-03-07T09:00:00.000Z", { workerId: "k1", role: "lead" }],
      );
      expect(clockInstances(clock("allocation"), events, "request-for-support")).toEqual([
        { instance: 1, startedAt: "2026-03-06T16:00:00.000Z", stoppedAt: "2026-03-07T09:00:00.000Z" },
      ]);
      expect(clockInstances(clock("introductory-visit"), events, "request-for-support")).toEqual([
        { instance: 1, startedAt: "2026-03-07T09:00:00.000Z" },
      ]);
    });

    it("starts no allocation clock when the duty manager signposts instead", () => {
      const events = log(["screening.decided", "2026-03-06T16:00:00.000Z", { outcome: "signpost" }]);
      expect(clockInstances(clock("allocation"), events, "request-for-support")).toEqual([]);
    });
  });

  describe("visits at least every 4 weeks", () => {
    it("run from the initial planning meeting and again from each visit", () => {
      const events = log(
        ["plan.completed", "2026-03-02T10:00:00.000Z"],
        ["visit.completed", "2026-03-20T10:00:00.000Z", { childSeen: true }],
      );
      expect(clockInstances(clock("visits"), events, "request-for-support").map((i) => i.startedAt)).toEqual([
        "2026-03-02T10:00:00.000Z",
        "2026-03-20T10:00:00.000Z",
      ]);
    });
  });

  describe("the weekly transfer panel", () => {
    const panel = profile.panels.find((p) => p.id === "transfer-panel");

    it("meets weekly, chaired by a service manager, and its decisions are final", () => {
      expect(ruleById(panel?.scheduleRule ?? "")).toMatchObject({ kind: "schedule", every: "week" });
      expect(panel?.chairRole).toBe("manager");
      expect(panel?.decisionsFinal).toBe(true);
      expect(panel?.decisionEvent).toBe("transfer-panel.decided");
    });

    it("asks the presenting worker for the transfer summary", () => {
      expect(panel?.summaryFields.map((f) => f.id)).toEqual(["history", "worries", "strengths", "what-must-change"]);
    });

    it("is followed by a hand-over meeting and an ending letter", () => {
      expect(panel?.followUpTasks.map((t) => t.id)).toEqual(["handover-meeting", "ending-letter"]);
    });
  });

  describe("letters to referrers (§2: the referrer and family are contacted about the outcome)", () => {
    it("acknowledges each referral, and not a transfer from Social Care", () => {
      const events = log(
        [
          "contact.received",
          "2026-03-02T10:00:00.000Z",
          { contactId: "c1", kind: "request-for-support", followUp: false },
        ],
        [
          "contact.received",
          "2026-03-03T10:00:00.000Z",
          { contactId: "c2", kind: "step-down-from-social-care", followUp: false },
        ],
        ["acknowledgement.sent", "2026-03-02T11:00:00.000Z", { contactId: "c1", outboxKey: "k1" }],
      );
      expect(clockInstances(clock("acknowledgement"), events, "request-for-support")).toEqual([
        { instance: 1, key: "c1", startedAt: "2026-03-02T10:00:00.000Z", stoppedAt: "2026-03-02T11:00:00.000Z" },
      ]);
    });

    it("writes with the outcome when the Front Door signposts or re-directs, and after the duty manager's review", () => {
      const events = log(
        ["front-door.decided", "2026-03-02T10:00:00.000Z", { outcome: "family-wellbeing" }],
        ["screening.decided", "2026-03-03T10:00:00.000Z", { outcome: "accept" }],
      );
      expect(clockInstances(clock("outcome-letter"), events, "request-for-support").map((i) => i.startedAt)).toEqual([
        "2026-03-03T10:00:00.000Z",
      ]);
      const signposted = log(["front-door.decided", "2026-03-02T10:00:00.000Z", { outcome: "signpost" }]);
      expect(clockInstances(clock("outcome-letter"), signposted, "request-for-support")).toHaveLength(1);
    });
  });

  describe("the Front Door-MASH decision within 24 hours", () => {
    it("does not run for a family transferred from Social Care, which the transfer panel decides", () => {
      const events = log([
        "contact.received",
        "2026-03-02T10:00:00.000Z",
        { contactId: "c1", kind: "step-down-from-social-care", followUp: false },
      ]);
      expect(clockInstances(clock("front-door-decision"), events, "step-down-from-social-care")).toEqual([]);
    });

    it("ends when consent is refused and nobody overrides it: the case closes", () => {
      const events = log(
        [
          "contact.received",
          "2026-03-02T10:00:00.000Z",
          { contactId: "c1", kind: "request-for-support", followUp: false },
        ],
        ["consent.recorded", "2026-03-02T15:00:00.000Z", { given: false }],
      );
      expect(clockInstances(clock("front-door-decision"), events, "request-for-support")).toEqual([
        { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", endedAt: "2026-03-02T15:00:00.000Z" },
      ]);
    });
  });

  describe("Front Door-MASH and the duty manager's review", () => {
    it("decide between the service, signposting and Children's Social Care", () => {
      expect(profile.frontDoorOutcomes?.map((o) => o.id)).toEqual([
        "family-wellbeing",
        "signpost",
        "escalate-social-care",
      ]);
      expect(profile.screeningOutcomes.map((o) => o.id)).toEqual(["accept", "signpost", "escalate-social-care"]);
    });
  });
});
