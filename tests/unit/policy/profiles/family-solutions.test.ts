import { describe, expect, it } from "vitest";
import { clockInstances } from "../../../../src/domain/rules/clock-instances.js";
import type { ClockRule, Profile, Rule } from "../../../../src/domain/rules/profile-schema.js";
import type { Timescale } from "../../../../src/domain/rules/timescale.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { log } from "./log.js";

const profile: Profile = loadProfile("family-solutions");
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

const wd = (amount: number): Timescale => ({ amount, unit: "working-days" });
const cd = (amount: number): Timescale => ({ amount, unit: "calendar-days" });
const hours = (amount: number): Timescale => ({ amount, unit: "hours" });

/** One row per rule of seed 003 as PRACTICE-FRAMEWORK.md states it. */
const framework: {
  id: string;
  rule: string;
  kind: Rule["kind"];
  section: string;
  expected?: Timescale;
  maximum?: Timescale;
  recurring?: boolean;
}[] = [
  { id: "1.1", rule: "present case to MAAM", kind: "clock", section: "1.1", maximum: cd(15) },
  { id: "1.2", rule: "acknowledge the referrer", kind: "clock", section: "1.2", expected: wd(1), maximum: cd(3) },
  { id: "1.3", rule: "log a contact event immediately", kind: "clock", section: "1.3", expected: wd(0) },
  { id: "2.1", rule: "daily screening", kind: "schedule", section: "2.1" },
  { id: "2.2", rule: "screening outcome to referrer", kind: "clock", section: "2.2", expected: wd(1), maximum: cd(3) },
  { id: "2.3", rule: "allocate after step-down to Early Help", kind: "clock", section: "2.3", maximum: hours(24) },
  { id: "maam-meeting", rule: "weekly MAAM", kind: "schedule", section: "3" },
  { id: "3.1", rule: "MAAM outcome to referrer", kind: "clock", section: "3.1", expected: wd(1), maximum: cd(3) },
  { id: "3.2", rule: "allocate after MAAM", kind: "clock", section: "3.2", expected: wd(2), maximum: cd(5) },
  {
    id: "3.3",
    rule: "weekly contact while pre-allocated",
    kind: "clock",
    section: "3.3",
    maximum: cd(7),
    recurring: true,
  },
  { id: "4.1a", rule: "initial contact with the family", kind: "clock", section: "4.1", maximum: cd(2) },
  { id: "4.1b", rule: "first visit, child seen", kind: "clock", section: "4.1", maximum: wd(5) },
  { id: "4.2", rule: "lone-working caution", kind: "warning", section: "4.2" },
  {
    id: "4.3",
    rule: "EHA completed, plan commenced",
    kind: "clock",
    section: "4.3",
    maximum: { amount: 4, unit: "calendar-weeks" },
  },
  { id: "4.4", rule: "EHA audit", kind: "check", section: "4.4" },
  { id: "5.1a", rule: "Support Plan completed", kind: "clock", section: "5.1", maximum: cd(42) },
  { id: "5.1b", rule: "plan reviews", kind: "clock", section: "5.1", maximum: cd(42), recurring: true },
  { id: "6.1", rule: "allocate a step-down from Social Care", kind: "clock", section: "6.1", maximum: hours(48) },
  { id: "7.1", rule: "wraparound request", kind: "clock", section: "7.1", expected: wd(2), maximum: cd(5) },
  { id: "7.2", rule: "escalation recorded", kind: "check", section: "7.2" },
  { id: "7.3", rule: "reallocated as wraparound", kind: "check", section: "7.3" },
  { id: "7.4", rule: "closed when no Early Help needed", kind: "check", section: "7.4" },
  { id: "8.1", rule: "closure sign-off", kind: "clock", section: "8.1", maximum: cd(3) },
  { id: "8.2", rule: "closure-ready checklist", kind: "check", section: "8.2" },
  { id: "9", rule: "voice of the child", kind: "check", section: "9" },
  { id: "10.1", rule: "case recording", kind: "clock", section: "10.1", maximum: wd(1) },
  { id: "11.1", rule: "management oversight per stage", kind: "clock", section: "11.1", maximum: cd(3) },
  {
    id: "11.1m",
    rule: "monthly management oversight",
    kind: "clock",
    section: "11.1",
    maximum: { amount: 1, unit: "calendar-months" },
    recurring: true,
  },
  { id: "11.2", rule: "supervision discussion recorded", kind: "clock", section: "11.2", maximum: wd(1) },
  { id: "11.3", rule: "caseload", kind: "limit", section: "11.3" },
  { id: "11.4", rule: "long-open cases", kind: "milestones", section: "11.4" },
  { id: "11.5", rule: "high-risk awareness", kind: "warning", section: "11.5" },
  {
    id: "11.6",
    rule: "supervision",
    kind: "clock",
    section: "11.6",
    maximum: { amount: 4, unit: "calendar-weeks" },
    recurring: true,
  },
];

describe("the family-solutions profile (seed 003)", () => {
  it("holds exactly the rules of the framework", () => {
    expect(profile.rules.map((r) => r.id).sort()).toEqual(framework.map((row) => row.id).sort());
  });

  describe.each(framework)("rule $id $rule", (row) => {
    const rule = ruleById(row.id);

    it(`cites Practice Framework §${row.section} and is a ${row.kind} rule`, () => {
      expect(rule.citation).toEqual({ document: "Practice Framework", section: row.section });
      expect(profile.documents[rule.citation.document]?.title).toBe("Family Solutions Practice Framework");
      expect(rule.kind).toBe(row.kind);
      expect(rule.name.length).toBeGreaterThan(0);
    });

    if (row.kind === "clock") {
      it("has the expected and maximum timescales the framework states", () => {
        const c = clock(row.id);
        expect(c.expected).toEqual(row.expected);
        expect(c.maximum).toEqual(row.maximum);
        expect(c.recurrence?.restartOn === "stop").toBe(row.recurring === true);
      });
    }
  });

  describe("rules 1.2 and 2.2: DARTs", () => {
    it.each(["1.2", "2.2"])("rule %s does not apply to DARTs", (id) => {
      expect(clock(id).appliesTo?.excludeCaseKinds).toEqual(["dart"]);
    });
  });

  describe("rules 1.1, 1.2 and 1.3: new requests", () => {
    it.each(["1.1", "1.2", "1.3"])("rule %s starts on a new request, not on a follow-up", (id) => {
      const events = log(
        [
          "contact.received",
          "2026-03-02T10:00:00.000Z",
          { contactId: "c1", kind: "request-for-support", followUp: false },
        ],
        [
          "contact.received",
          "2026-03-03T10:00:00.000Z",
          { contactId: "c2", kind: "request-for-support", followUp: true },
        ],
      );
      expect(clockInstances(clock(id), events, "request-for-support").map((i) => i.startedAt)).toEqual([
        "2026-03-02T10:00:00.000Z",
      ]);
    });
  });

  describe("rule 1.1 present case to MAAM", () => {
    const received = [
      "contact.received",
      "2026-03-02T10:00:00.000Z",
      { contactId: "c1", kind: "other", followUp: false },
    ] as const;

    it("is cancelled when screening sends the case anywhere but MAAM", () => {
      const events = log([...received], ["screening.decided", "2026-03-03T10:00:00.000Z", { outcome: "signpost" }]);
      expect(clockInstances(clock("1.1"), events, "other")[0]?.cancelledAt).toBe("2026-03-03T10:00:00.000Z");
    });

    it("keeps running when screening sends the case to MAAM, and stops when MAAM decides", () => {
      const events = log(
        [...received],
        ["screening.decided", "2026-03-03T10:00:00.000Z", { outcome: "maam" }],
        ["maam.decided", "2026-03-10T10:00:00.000Z", { outcome: "allocate" }],
      );
      expect(clockInstances(clock("1.1"), events, "other")).toEqual([
        { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", stoppedAt: "2026-03-10T10:00:00.000Z" },
      ]);
    });
  });

  describe("rule 3.2 allocate after MAAM", () => {
    it("starts only when MAAM decides to allocate", () => {
      const events = log(["maam.decided", "2026-03-10T10:00:00.000Z", { outcome: "pre-allocation-list" }]);
      expect(clockInstances(clock("3.2"), events, "other")).toEqual([]);
    });
  });

  describe("rule 3.3 weekly contact while pre-allocated", () => {
    it("starts again at each recorded contact and ends when the case is allocated", () => {
      const events = log(
        ["maam.decided", "2026-03-10T10:00:00.000Z", { outcome: "pre-allocation-list" }],
        ["pre-allocation.contact-recorded", "2026-03-16T10:00:00.000Z"],
        ["case.allocated", "2026-03-18T10:00:00.000Z", { workerId: "p1", role: "lead" }],
      );
      expect(clockInstances(clock("3.3"), events, "other").map((i) => [i.startedAt, i.stoppedAt ?? i.endedAt])).toEqual(
        [
          ["2026-03-10T10:00:00.000Z", "2026-03-16T10:00:00.000Z"],
          ["2026-03-16T10:00:00.000Z", "2026-03-18T10:00:00.000Z"],
        ],
      );
    });
  });

  describe("rule 4.3 EHA and rule 4.5 recent CYPA", () => {
    it("is cancelled when the worker records that a CYPA under three months old makes the EHA unnecessary", () => {
      const events = log(
        ["case.allocated", "2026-03-02T10:00:00.000Z", { workerId: "p1", role: "lead" }],
        ["assessment.not-required", "2026-03-03T10:00:00.000Z", { reason: "cypa-under-three-months" }],
      );
      expect(clockInstances(clock("4.3"), events, "step-down-from-social-care")[0]?.cancelledAt).toBe(
        "2026-03-03T10:00:00.000Z",
      );
    });

    it("leaves rule 5.1a's Support Plan running, since a plan is still needed", () => {
      expect(clock("5.1a").cancelledBy).toEqual([]);
    });
  });

  describe("rule 8.2 closure-ready checklist", () => {
    it("lists records, documents, plan actions, supervisor tasks and the closure summary", () => {
      const rule = ruleById("8.2");
      expect(rule.kind === "check" && rule.items.map((i) => i.id)).toEqual([
        "records-up-to-date",
        "documents-uploaded",
        "plan-actions-completed",
        "supervisor-tasks-done",
        "closure-summary",
      ]);
    });
  });

  describe("rule 10.1 case recording", () => {
    it("measures each visit from when it happened to when it was recorded", () => {
      expect(clock("10.1").measure).toBe("recording-delay");
    });
  });

  describe("rule 11.3 caseload", () => {
    it("warns over 20 families full time and 10 part time, the same figures as the profile's caseload limits", () => {
      const rule = ruleById("11.3");
      expect(rule.kind === "limit" && rule.limits).toEqual({ fullTime: 20, partTime: 10 });
      expect(profile.caseloadLimits).toEqual({ fullTime: 20, partTime: 10 });
    });
  });

  describe("rule 11.4 long-open cases", () => {
    it("marks 3, 6, 9 and 12 calendar months from opening", () => {
      const rule = ruleById("11.4");
      expect(rule.kind === "milestones" && rule.at).toEqual(
        [3, 6, 9, 12].map((amount) => ({ amount, unit: "calendar-months" })),
      );
    });
  });

  describe("rule 11.6 supervision", () => {
    it("is a practitioner's clock, restarted by each supervision", () => {
      const events = log(
        ["supervision.recorded", "2026-03-02T10:00:00.000Z", { practitionerId: "p1" }],
        ["supervision.recorded", "2026-03-30T10:00:00.000Z", { practitionerId: "p1" }],
      );
      expect(clock("11.6").subject).toBe("practitioner");
      expect(clockInstances(clock("11.6"), events, undefined).map((i) => i.startedAt)).toEqual([
        "2026-03-02T10:00:00.000Z",
        "2026-03-30T10:00:00.000Z",
      ]);
    });
  });

  describe("screening (2.2) and MAAM (3.1) outcomes", () => {
    it("offers the screening outcomes, each emailed to the referrer", () => {
      expect(profile.screeningOutcomes.map((o) => [o.id, o.emailTemplate])).toEqual([
        ["step-down-early-help", "screening-step-down-early-help"],
        ["maam", "screening-maam"],
        ["signpost", "screening-signpost"],
        ["no-further-action", "screening-no-further-action"],
        ["escalate-social-care", "screening-escalate-social-care"],
        ["wraparound", "screening-wraparound"],
      ]);
      expect(profile.screeningOutcomes.find((o) => o.id === "step-down-early-help")?.needs).toEqual(["worker", "note"]);
    });

    it("meets MAAM weekly and offers its outcomes, allocation naming a worker", () => {
      const [maam] = profile.panels;
      expect(maam?.decisionEvent).toBe("maam.decided");
      expect(ruleById(maam?.scheduleRule ?? "")).toMatchObject({ kind: "schedule", every: "week" });
      expect(maam?.outcomes.map((o) => o.id)).toEqual([
        "allocate",
        "pre-allocation-list",
        "signpost",
        "no-further-action",
        "escalate-social-care",
      ]);
      expect(maam?.outcomes[0]?.needs).toEqual(["worker"]);
    });

    it("holds screening every working day and counts due soon as one working day ahead", () => {
      expect(ruleById("2.1")).toMatchObject({ kind: "schedule", every: "working-day" });
      expect(profile.dueSoon).toEqual(wd(1));
    });
  });
});
