import { describe, expect, it } from "vitest";
import { longOpenMilestones } from "../../../../src/domain/rules/long-open-milestones.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { calendar } from "./clock-fixtures.js";

const NOW = new Date("2026-07-15T09:00:00.000Z");
const opened = () => aCase().receivedAt("2026-01-10T10:00:00.000Z");

describe("rule 11.4 long-open cases", () => {
  it("marks 3 and 6 months as reached for a case opened on 10 January, and 9 and 12 as still to come", () => {
    const milestones = longOpenMilestones(opened().build(), loadProfile("family-solutions"), calendar, NOW);
    expect(milestones.map((m) => [m.after.amount, m.at.at, m.reached])).toEqual([
      [3, "2026-04-10T22:59:59.999Z", true],
      [6, "2026-07-10T22:59:59.999Z", true],
      [9, "2026-10-10T22:59:59.999Z", false],
      [12, "2027-01-10T23:59:59.999Z", false],
    ]);
    expect(milestones[0]).toMatchObject({
      ruleId: "11.4",
      from: "2026-01-10T10:00:00.000Z",
      citation: { display: "Family Solutions Practice Framework §11.4" },
    });
  });

  it("counts from the case's first request, not a later follow-up", () => {
    const kase = opened()
      .withEvent(
        "contact.received",
        { contactId: "c2", kind: "request-for-support", followUp: false },
        {
          at: "2026-03-01T10:00:00.000Z",
        },
      )
      .build();
    const milestones = longOpenMilestones(kase, loadProfile("family-solutions"), calendar, NOW);
    expect(new Set(milestones.map((m) => m.from))).toEqual(new Set(["2026-01-10T10:00:00.000Z"]));
  });

  it("gives a closed case none", () => {
    const closed = { ...opened().build(), state: "closed" as const };
    expect(longOpenMilestones(closed, loadProfile("family-solutions"), calendar, NOW)).toEqual([]);
  });

  it("gives none under a profile without the rule (Bexley)", () => {
    expect(longOpenMilestones(opened().build(), loadProfile("bexley"), calendar, NOW)).toEqual([]);
  });
});
