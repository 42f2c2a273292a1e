import { describe, expect, it } from "vitest";
import { decisionInputIds } from "../../../../bot/cards/elements/decision.js";
import { transferPanelAgendaCards, type TransferPanelView } from "../../../../bot/cards/transfer-panel-agenda.js";
import { cardProblems, cardText, executeActions, inputIds } from "../../../support/adaptive-card.js";
import { aCase, bexley, bloggsCase, FAMILY_NAME, timeZone } from "./card-fixtures.js";

const panel = bexley.panels.find((p) => p.id === "transfer-panel")!;
const kase = bloggsCase(aCase().underProfile("bexley").withId("FC-2026-000300"));
const summary = {
  history: "Known to Children's Social Care for 18 months.",
  worries: "School attendance has fallen.",
  strengths: "Strong support from grandparents.",
  "what-must-change": "A stable morning routine.",
};
const view = (items: TransferPanelView["items"]): TransferPanelView => ({ timeZone, date: "2026-12-03", panel, items });
const undecided = view([{ case: kase, direction: "to-early-help", summary, etag: 'W/"9"' }]);

describe("Bexley transfer panel agenda", () => {
  it("is a valid Adaptive Card 1.5", () => {
    const cards = transferPanelAgendaCards(undecided);
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0]!)).toEqual([]);
  });

  it("shows each transfer summary field under the panel's labels", () => {
    const json = cardText(transferPanelAgendaCards(undecided));
    for (const field of panel.summaryFields) expect(json).toContain(field.label);
    for (const value of Object.values(summary)) expect(json).toContain(value);
    expect(json).toContain("The panel's decision is final.");
  });

  it("offers the final decision choices and records them with transfer.decide", () => {
    const [card] = transferPanelAgendaCards(undecided);
    for (const outcome of panel.outcomes) expect(cardText(card)).toContain(outcome.label);
    const ids = decisionInputIds(kase.id);
    expect(inputIds(card)).toEqual([ids.outcome, ids.note]);
    expect(executeActions(card)).toEqual([
      {
        verb: "transfer.decide",
        title: "Record decision",
        data: { caseId: kase.id, etag: 'W/"9"', agendaCaseIds: [kase.id] },
      },
    ]);
  });

  it("after the decision shows who made it and the follow-up tasks as a checklist", () => {
    const decision = {
      byName: "Sam Chair",
      at: "2026-12-03T14:20:00Z",
      outcomeLabel: "Transfer (transfer date agreed)",
      done: ["handover-meeting"],
    };
    const [card] = transferPanelAgendaCards(view([{ case: kase, direction: "to-early-help", summary, decision }]));
    const json = cardText(card);
    expect(json).toContain("Decided by Sam Chair at Thu 3 Dec 2026, 14:20: Transfer (transfer date agreed)");
    expect(json).toContain("☑ Hand-over meeting between the existing and the new worker (done)");
    expect(json).toContain("☐ Ending letter to the family");
    expect(executeActions(card)).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
  });

  it("does not add the family's name from the case record", () => {
    expect(cardText(transferPanelAgendaCards(undecided))).not.toContain(FAMILY_NAME);
  });

  it("cuts a very long summary field so that the case still fits on a card", () => {
    const long = { ...summary, history: "x".repeat(200_000) };
    const [card] = transferPanelAgendaCards(view([{ case: kase, direction: "to-social-care", summary: long }]));
    expect(cardProblems(card!)).toEqual([]);
    expect(cardText(card)).toContain("the full summary is in the tab");
  });
});
