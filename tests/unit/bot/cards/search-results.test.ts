import { describe, expect, it } from "vitest";
import { searchResultsCards } from "../../../../bot/cards/search-results.js";
import { cardProblems, cardText } from "../../../support/adaptive-card.js";
import { aCase } from "./card-fixtures.js";

const found = (id: string, rag: "red" | "green") => ({
  case: aCase().withId(id).build(),
  rag,
  matchedOn: ["referrer", "subject"],
});

describe("find results (personal chat)", () => {
  it("is a valid Adaptive Card 1.5 naming each case's state and RAG in words, in the order given", () => {
    const cards = searchResultsCards({
      cases: [found("FC-2026-000801", "red"), found("FC-2026-000802", "green")],
      more: false,
    });
    expect(cardProblems(cards[0]!)).toEqual([]);
    const json = cardText(cards);
    expect(json.indexOf("FC-2026-000801")).toBeLessThan(json.indexOf("FC-2026-000802"));
    expect(json).toContain("Red: overdue. Found in: referrer, subject.");
    expect(json).toContain("2 found, most urgent first.");
  });

  it("says when more matched than are shown, and what to try when none did", () => {
    expect(cardText(searchResultsCards({ cases: [found("FC-2026-000801", "red")], more: true }))).toContain(
      "add a word to narrow the search",
    );
    expect(cardText(searchResultsCards({ cases: [], more: false }))).toContain("No case you may see matches.");
  });

  it("11.5 marks a case a manager flagged high risk, as every list does", () => {
    const flagged = {
      ...found("FC-2026-000803", "red"),
      case: { ...aCase().withId("FC-2026-000803").build(), highRisk: true },
    };
    expect(cardText(searchResultsCards({ cases: [flagged], more: false }))).toContain("FC-2026-000803 · ");
    expect(cardText(searchResultsCards({ cases: [flagged], more: false }))).toContain("High risk");
    expect(cardText(searchResultsCards({ cases: [found("FC-2026-000804", "red")], more: false }))).not.toContain(
      "High risk",
    );
  });
});
