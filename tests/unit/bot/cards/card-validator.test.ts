import { describe, expect, it } from "vitest";
import { adaptiveCard, type AdaptiveCardJson } from "../../../../bot/cards/card-json.js";
import { text } from "../../../../bot/cards/elements/text.js";
import { cardProblems } from "../../../support/adaptive-card.js";

describe("the card validator the card tests rely on", () => {
  it("passes a plain 1.5 card", () => {
    expect(cardProblems(adaptiveCard([text("Hello")]))).toEqual([]);
  });

  it("reports an element the adaptivecards parser does not know", () => {
    expect(cardProblems(adaptiveCard([{ type: "Bogus" }]))).toEqual([
      expect.stringContaining('Unknown element type "Bogus"'),
    ]);
  });

  it("reports a schema version Teams cannot render", () => {
    const newer = { ...adaptiveCard([text("Hello")]), version: "1.6" } as unknown as AdaptiveCardJson;
    expect(cardProblems(newer)).toEqual(["version 1.6 is above 1.5"]);
  });

  it("reports a card at or over 80 KB", () => {
    const big = adaptiveCard([text("x".repeat(80 * 1024))]);
    expect(cardProblems(big)).toEqual([expect.stringContaining("over the 81920-byte limit")]);
  });
});
