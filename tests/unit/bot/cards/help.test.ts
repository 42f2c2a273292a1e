import { describe, expect, it } from "vitest";
import { decisionResultCard } from "../../../../bot/cards/decision-result.js";
import { errorCard } from "../../../../bot/cards/error-card.js";
import { helpCard, welcomeCard } from "../../../../bot/cards/help.js";
import { cardProblems, cardText } from "../../../support/adaptive-card.js";
import { timeZone } from "./card-fixtures.js";

describe("help, welcome, results and errors", () => {
  it("help lists every command", () => {
    const card = helpCard();
    expect(cardProblems(card)).toEqual([]);
    for (const command of ["my cases", "due", "case <reference>", "screening", "maam", "transfer panel", "help"]) {
      expect(cardText(card)).toContain(`"title":"${command}"`);
    }
  });

  it("welcomes on install with the centre's name", () => {
    const card = welcomeCard({ centreName: "Riverside Family Centre" });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("Hello from the front door of Riverside Family Centre");
  });

  it("says the default centre name without doubling its article", () => {
    const text = cardText(welcomeCard({ centreName: "the Family Centre" }));
    expect(text).toContain("Hello from the front door of the Family Centre");
    expect(text).not.toMatch(/\bthe the\b/i);
  });

  it("says who already decided when a second click loses", () => {
    const decision = { byName: "Priya Shah", at: "2026-12-01T10:05:00Z", outcomeLabel: "MAAM" };
    const card = decisionResultCard({ timeZone, caseId: "FC-2026-000123", outcome: "already-decided", decision });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("was already decided; nothing new was recorded");
    expect(cardText(card)).toContain("Decided by Priya Shah at Tue 1 Dec 2026, 10:05: MAAM");
  });

  it("shows an error in plain English without a stack trace", () => {
    const card = errorCard({
      message:
        "Case FC-2026-000123 is closed; it cannot be screened.\n    at decide (src/domain/lifecycle/decide.ts:10:3)",
      code: "CASE.TRANSITION_NOT_ALLOWED",
    });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("Case FC-2026-000123 is closed; it cannot be screened.");
    expect(cardText(card)).not.toContain("decide.ts");
    expect(cardText(card)).toContain("Reference: CASE.TRANSITION_NOT_ALLOWED");
  });
});
