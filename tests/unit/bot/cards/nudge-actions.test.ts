import { describe, expect, it } from "vitest";
import { escalationCard } from "../../../../bot/cards/escalation.js";
import { nudgeDigestCards } from "../../../../bot/cards/nudge-digest.js";
import { overdueNoteCard } from "../../../../bot/cards/overdue-note.js";
import { cardBytes, MAX_CARD_BYTES } from "../../../../bot/cards/card-json.js";
import type { CaseAction } from "../../../../src/app/actions/case-action.js";
import { cardProblems, cardText, executeActions, requiredInputs } from "../../../support/adaptive-card.js";
import { timeZone } from "./card-fixtures.js";
import { breached } from "./nudges.fixture.js";

const recordVisit: CaseAction = {
  id: "record-visit",
  label: "Record a visit",
  rules: ["4.1b", "10.1"],
  inputs: [
    { name: "child-seen", label: "The child was seen and spoken to", required: false, type: "boolean" },
    { name: "note", label: "What happened", required: true, type: "longtext" },
  ],
};
const withVisit = { ...breached, actions: [recordVisit] };
const scope = `${breached.caseId}~${breached.deadline.ruleId}~${breached.deadline.instance}~record-visit`;

describe("issue 17 §6 a nudge carries the action that stops its clock", () => {
  it("the morning digest puts the action under its clock, taken with case.action from the nudge", () => {
    const [digest] = nudgeDigestCards({ timeZone, personName: "Jo", date: "2026-11-06", items: [withVisit] });
    expect(cardProblems(digest!)).toEqual([]);
    expect(executeActions(digest)).toEqual([
      {
        verb: "case.action",
        title: "Record a visit",
        data: { caseId: breached.caseId, actionId: "record-visit", scope, from: "nudge" },
      },
    ]);
    expect(cardText(digest)).toContain(`"id":"${scope}~child-seen"`);
  });

  it("scopes the inputs by case and clock, so two clocks on one card never share an input", () => {
    const other = { ...withVisit, caseId: "FC-2026-000801" };
    const [digest] = nudgeDigestCards({ timeZone, personName: "Jo", date: "2026-11-06", items: [withVisit, other] });
    expect(cardProblems(digest!)).toEqual([]);
    expect(executeActions(digest).map((a) => a.data["caseId"])).toEqual([breached.caseId, "FC-2026-000801"]);
  });

  it("an item with no action the person may take has no button (a digest as before)", () => {
    const [digest] = nudgeDigestCards({ timeZone, personName: "Jo", date: "2026-11-06", items: [breached] });
    expect(executeActions(digest)).toEqual([]);
  });

  it("the overdue note offers the action beside the reason, the reason no longer marked required", () => {
    const card = overdueNoteCard({ timeZone, item: withVisit });
    expect(cardProblems(card)).toEqual([]);
    expect(requiredInputs(card)).toEqual([]);
    expect(executeActions(card).map((a) => a.verb)).toEqual(["case.action", "clock.reason"]);
  });

  it("without an action the overdue note asks for the reason as before (required, one button)", () => {
    const card = overdueNoteCard({ timeZone, item: breached });
    expect(requiredInputs(card)).toEqual(["reason"]);
  });

  it("the escalation lets the manager take the action too", () => {
    const card = escalationCard({ timeZone, managerName: "Dee", practitionerName: "Jo", item: withVisit });
    expect(cardProblems(card)).toEqual([]);
    expect(executeActions(card).map((a) => [a.verb, a.data["actionId"] ?? a.data["rule"]])).toEqual([
      ["case.action", "record-visit"],
      ["clock.reason", "1.2"],
    ]);
  });

  it("a long digest with actions still comes in parts that each fit a Teams message", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...withVisit,
      caseId: `FC-2026-${String(800 + i).padStart(6, "0")}`,
    }));
    const parts = nudgeDigestCards({ timeZone, personName: "Jo", date: "2026-11-06", items: many });
    for (const part of parts) {
      expect(cardProblems(part)).toEqual([]);
      expect(cardBytes(part)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
    expect(parts.flatMap((p) => executeActions(p)).map((a) => a.data["caseId"])).toEqual(many.map((i) => i.caseId));
  });
});
