import { describe, expect, it } from "vitest";
import { quarantineNoticeCard } from "../../../../bot/cards/quarantine-notice.js";
import { cardProblems, cardText } from "../../../support/adaptive-card.js";
import { timeZone } from "./card-fixtures.js";

describe("rule 1.3 an email set aside after repeated failures is brought to the duty chat", () => {
  it("says when it arrived (London time), how often it was tried and the error code, so it can be found and logged by hand", () => {
    const card = quarantineNoticeCard({
      timeZone,
      receivedAt: "2026-07-14T08:05:00Z",
      reason: "GRAPH.MALFORMED_MESSAGE",
      attempts: 3,
    });
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain("An email could not be logged");
    expect(text).toContain("Tue 14 Jul 2026, 09:05"); // BST
    expect(text).toContain("GRAPH.MALFORMED_MESSAGE");
    expect(text).toContain('"value":"3"');
  });

  it("says the arrival time is not known rather than inventing one", () => {
    expect(cardText(quarantineNoticeCard({ timeZone, reason: "APP.UNEXPECTED", attempts: 3 }))).toContain("not known");
  });
});
