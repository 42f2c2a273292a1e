import { describe, expect, it } from "vitest";
import { adaptiveCard, type AdaptiveCardJson } from "../../../../bot/cards/card-json.js";
import { actionSet, execute } from "../../../../bot/cards/elements/actions.js";
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

  it("reports a card whose message Teams would refuse: 40 KB counted as UTF-16, so 20,000 characters are too many", () => {
    const big = adaptiveCard([text("x".repeat(20_000))]);
    expect(Buffer.byteLength(JSON.stringify(big), "utf8")).toBeLessThan(21 * 1024);
    expect(cardProblems(big)).toEqual([expect.stringContaining("bytes as UTF-16, over the 36864-byte budget")]);
  });

  it("reports an input marked required on a card with more than one button", () => {
    const item = (n: number) => [
      { type: "Input.Text", id: `i${n}`, label: "Reason", isRequired: true, errorMessage: "Needed." },
      actionSet([execute("Record", "x.do", { n })]),
    ];
    expect(cardProblems(adaptiveCard(item(1)))).toEqual([]);
    expect(cardProblems(adaptiveCard([...item(1), ...item(2)]))).toEqual([
      "required inputs i1, i2 on a card with 2 buttons",
    ]);
  });
});
