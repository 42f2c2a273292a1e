import { describe, expect, it } from "vitest";
import { clockReasonCard } from "../../../../bot/cards/clock-reason.js";
import { escalationCard } from "../../../../bot/cards/escalation.js";
import { dueCards } from "../../../../bot/cards/due.js";
import { nudgeDigestCards } from "../../../../bot/cards/nudge-digest.js";
import { overdueNoteCard } from "../../../../bot/cards/overdue-note.js";
import { preAllocationReminderCard } from "../../../../bot/cards/pre-allocation-reminder.js";
import { cardProblems, cardText, executeActions, inputIds } from "../../../support/adaptive-card.js";
import { timeZone } from "./card-fixtures.js";
import { breached } from "./nudges.fixture.js";

describe("nudges in a practitioner's personal chat", () => {
  const [digest] = nudgeDigestCards({ timeZone, personName: "Jo", date: "2026-11-06", items: [breached] });

  it("the morning digest lists overdue items with rule and citation", () => {
    expect(cardProblems(digest!)).toEqual([]);
    const json = cardText(digest);
    expect(json).toContain("Good morning Jo: your clocks for Fri 6 Nov 2026");
    expect(json).toContain("1.2 Acknowledge the referrer (Past its maximum)");
    expect(json).toContain("Family Solutions Practice Framework §1.2");
  });

  it("the overdue note names the rule that is now overdue", () => {
    const card = overdueNoteCard({ timeZone, item: breached });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("Now overdue: Acknowledge the referrer");
  });

  it("escalates a breached maximum to the manager", () => {
    const card = escalationCard({ timeZone, managerName: "Dee", practitionerName: "Jo", item: breached });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("a clock on Jo's case FC-2026-000800 has passed its maximum");
  });

  it("asks the reason a clock was exceeded with clock.reason carrying case, rule and instance", () => {
    const card = clockReasonCard({ timeZone, item: breached });
    expect(cardProblems(card)).toEqual([]);
    expect(inputIds(card)).toEqual(["reason"]);
    expect(executeActions(card)).toEqual([
      { verb: "clock.reason", title: "Record reason", data: { caseId: "FC-2026-000800", rule: "1.2", instance: 1 } },
    ]);
  });

  it("reminds the duty worker of weekly contact for families on the Pre-Allocation List", () => {
    const card = preAllocationReminderCard({ timeZone, items: [breached] });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("Pre-Allocation List: weekly contact");
    expect(cardText(card)).toContain("FC-2026-000800");
  });
});

describe("§6 the reason a clock was exceeded, asked where the lateness is reported", () => {
  const clockData = { caseId: breached.caseId, rule: "1.2", instance: breached.deadline.instance };

  it("the overdue note asks for the reason and records it on that clock instance", () => {
    const card = overdueNoteCard({ timeZone, item: breached });
    expect(cardProblems(card)).toEqual([]);
    expect(inputIds(card)).toEqual(["reason"]);
    expect(executeActions(card)).toEqual([{ verb: "clock.reason", title: "Record reason", data: clockData }]);
  });

  it("the escalation lets the manager record the reason too", () => {
    const card = escalationCard({ timeZone, managerName: "Dee", practitionerName: "Jo", item: breached });
    expect(cardProblems(card)).toEqual([]);
    expect(executeActions(card).map((a) => [a.verb, a.data])).toEqual([["clock.reason", clockData]]);
  });
});

describe("long lists come in parts that fit a Teams message (issue 20)", () => {
  const many = Array.from({ length: 60 }, (_, i) => ({
    ...breached,
    caseId: `FC-2026-${String(800 + i).padStart(6, "0")}`,
  }));

  it("the morning digest: every item once, in parts numbered in the heading, each within the limit", () => {
    const parts = nudgeDigestCards({ timeZone, personName: "Jo", date: "2026-11-06", items: many });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(cardProblems(part)).toEqual([]);
    expect(cardText(parts[0])).toContain(`(part 1 of ${parts.length})`);
    const listed = parts.flatMap((p) => cardText(p).match(/FC-2026-\d{6}/g) ?? []);
    expect(listed).toEqual(many.map((i) => i.caseId));
  });

  it("due: the same", () => {
    const parts = dueCards({ timeZone, items: many });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(cardProblems(part)).toEqual([]);
    expect(parts.flatMap((p) => cardText(p).match(/FC-2026-\d{6}/g) ?? [])).toEqual(many.map((i) => i.caseId));
  });
});
