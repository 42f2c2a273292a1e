import { describe, expect, it } from "vitest";
import { dueCards } from "../../../../bot/cards/due.js";
import { cardProblems, cardText } from "../../../support/adaptive-card.js";
import { aCase, clocksAt, timeZone } from "./card-fixtures.js";

// Received Mon 2 Nov 10:00: at Tue 3 Nov 10:00 the 1.2 acknowledgement (expected by the end of Mon's next
// working day, Tue) is due soon; on Fri 6 Nov it is past its maximum (end of Thu).
const kase = aCase().withId("FC-2026-000700").receivedAt("2026-11-02T10:00:00Z").build();
const items = (now: string) =>
  clocksAt(kase, now)
    .filter((d) => d.ruleId === "1.2" || d.ruleId === "1.1")
    .map((deadline) => ({ caseId: kase.id, deadline }));

describe("due (personal chat)", () => {
  it("is a valid Adaptive Card 1.5", () => {
    expect(cardProblems(dueCards({ timeZone, items: items("2026-11-06T10:00:00Z") })[0]!)).toEqual([]);
  });

  it("puts overdue items first with their rule and citation", () => {
    const json = cardText(dueCards({ timeZone, items: items("2026-11-06T10:00:00Z") }));
    expect(json).toContain("FC-2026-000700: 1.2 Acknowledge the referrer (Past its maximum)");
    expect(json).toContain("Family Solutions Practice Framework §1.2");
    expect(json.indexOf("Overdue")).toBeLessThan(json.indexOf("1.2 Acknowledge"));
  });

  it("rule 11.5: marks the clocks of a case flagged high risk", () => {
    const flagged = items("2026-11-06T10:00:00Z").map((item) => ({ ...item, highRisk: true as const }));
    expect(cardText(dueCards({ timeZone, items: flagged }))).toContain("FC-2026-000700 · ⚠ High risk: 1.2 Acknowledge");
  });

  it("lists what is due soon under its own heading", () => {
    const json = cardText(dueCards({ timeZone, items: items("2026-11-03T10:00:00Z") }));
    expect(json).toContain("Due soon");
    expect(json).toContain("1.2 Acknowledge the referrer (Due soon)");
    expect(json).not.toContain('"text":"Overdue"');
  });

  it("says so when nothing is due", () => {
    expect(cardText(dueCards({ timeZone, items: [] }))).toContain("Nothing is due soon or overdue");
  });
});
