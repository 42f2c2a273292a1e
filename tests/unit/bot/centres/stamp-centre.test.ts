import { describe, expect, it } from "vitest";
import { stampCentre } from "../../../../bot/centres/stamp-centre.js";
import { adaptiveCard } from "../../../../bot/cards/card-json.js";
import { actionSet, execute, openUrl } from "../../../../bot/cards/elements/actions.js";

describe("every button a centre's bot sends names its centre", () => {
  it("stamps Action.Execute and its Action.Submit fallback, in the card's actions and in its body", () => {
    const card = adaptiveCard(
      [actionSet([execute("Decide", "screening.decide", { caseId: "FC-2026-000001" })])],
      [execute("Log", "contact.log", {}), openUrl("Open", "https://tab.example/")],
    );
    const stamped = JSON.stringify(stampCentre(card, "south"));
    expect(stamped.match(/"centre":"south"/g)).toHaveLength(4);
    expect(stamped).toContain('"url":"https://tab.example/"');
  });

  it("keeps a button's own centre (the switcher's) and data that is not an object, and leaves the card it was given", () => {
    const card = {
      type: "AdaptiveCard",
      actions: [
        { type: "Action.Execute", verb: "centre.choose", data: { centre: "north" } },
        { type: "Action.Submit", data: "typed words" },
      ],
    };
    expect(stampCentre(card, "south").actions).toEqual([
      { type: "Action.Execute", verb: "centre.choose", data: { centre: "north" } },
      { type: "Action.Submit", data: "typed words" },
    ]);
    const plain = { type: "AdaptiveCard", actions: [{ type: "Action.Execute", verb: "v", data: {} }] };
    stampCentre(plain, "south");
    expect(plain.actions[0]?.data).toEqual({});
  });
});
