import { describe, expect, it } from "vitest";
import { CASE_ACTION_VERB, caseCard } from "../../../../bot/cards/case-card.js";
import type { CaseAction } from "../../../../src/app/actions/case-action.js";
import { cardProblems, cardText } from "../../../support/adaptive-card.js";
import { aCase, bloggsCase, clocksAt, timeZone } from "./card-fixtures.js";

const kase = bloggsCase(
  aCase().withId("FC-2026-000500").receivedAt("2026-11-02T10:00:00Z").allocatedOn("2026-11-03T12:00:00Z", "w-jo"),
);
const actions: CaseAction[] = [
  {
    id: "record-visit",
    label: "Record a visit",
    rules: ["4.1b"],
    inputs: [{ name: "child-seen", label: "The child was seen and spoken to", required: false, type: "boolean" }],
  },
  {
    id: "record-case-note",
    label: "Record a case note",
    rules: ["9"],
    inputs: [
      {
        name: "note-type",
        label: "Kind",
        required: true,
        type: "choice",
        options: [{ value: "case-note", label: "Case note" }],
      },
      { name: "note", label: "Note", required: true, type: "longtext" },
    ],
  },
];
const view = { timeZone, case: kase, leadWorkerName: "Jo", clocks: clocksAt(kase, "2026-11-05T09:00:00Z"), actions };

describe("case card (personal chat)", () => {
  it("is a valid Adaptive Card 1.5", () => {
    expect(cardProblems(caseCard(view))).toEqual([]);
  });

  it("says where the case is, who leads it, and names the family in a personal chat", () => {
    const json = cardText(caseCard(view));
    expect(json).toContain("Case FC-2026-000500 is allocated.");
    expect(json).toContain('"value":"Jo"');
    expect(json).toContain("Bloggs family");
  });

  it("shows every running clock in its RAG colour with the rule's source", () => {
    const running = view.clocks.filter((d) => d.status !== "met" && d.status !== "cancelled");
    expect(running.length).toBeGreaterThan(0);
    const json = cardText(caseCard(view));
    for (const d of running) expect(json).toContain(`${d.ruleId} ${d.ruleName}`);
    expect(json).toContain('"color":"good"');
  });

  it("lists the last 10 events, newest first, with when and who", () => {
    const extra = Array.from({ length: 12 }, (_, i) => ({
      seq: 100 + i,
      type: "case-note.recorded" as const,
      at: `2026-11-${String(10 + i).padStart(2, "0")}T14:00:00Z`,
      by: { kind: "staff" as const, id: "w-jo", displayName: "Jo" },
      data: { noteType: "case-note" as const },
    }));
    const json = cardText(caseCard({ ...view, case: { ...kase, events: [...kase.events, ...extra] } }));
    expect(json.match(/Case note recorded/g)).toHaveLength(10);
    expect(json).toContain("Sat 21 Nov 2026, 14:00 · Jo · Case note recorded");
    expect(json).not.toContain("Wed 11 Nov 2026, 14:00");
    expect(json.indexOf("21 Nov")).toBeLessThan(json.indexOf("20 Nov"));
  });

  it("offers the case's actions, each opening its own inputs (scoped to it, none card-wide required) and a button that takes it", () => {
    const card = caseCard(view);
    expect(card.actions?.map((a) => [a.type, a.title])).toEqual([
      ["Action.ShowCard", "Record a visit"],
      ["Action.ShowCard", "Record a case note"],
    ]);
    const json = cardText(card);
    expect(json).toContain('"id":"record-visit~child-seen"');
    expect(json).toContain('"id":"record-case-note~note"');
    expect(json).not.toContain("isRequired");
    expect(json).toContain(`"verb":"${CASE_ACTION_VERB}"`);
    expect(json).toContain('"actionId":"record-case-note"');
  });
});
