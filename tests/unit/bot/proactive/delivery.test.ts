import { describe, expect, it } from "vitest";
import { adaptiveCard } from "../../../../bot/cards/card-json.js";
import { text } from "../../../../bot/cards/elements/text.js";
import { checkFits, deliveryError } from "../../../../bot/proactive/delivery.js";

describe("what a failed send to Teams means, in the port's terms (issue 20)", () => {
  it.each([
    [403, "MessageWritesBlocked", "TEAMS.CONVERSATION_GONE"],
    [404, "ConversationNotFound", "TEAMS.CONVERSATION_GONE"],
    [400, "BadArgument", "TEAMS.MESSAGE_REFUSED"],
    [413, "MessageSizeTooBig", "TEAMS.MESSAGE_REFUSED"],
    [429, "TooManyRequests", "TEAMS.THROTTLED"],
    [412, "PreconditionFailed", "TEAMS.UNAVAILABLE"],
    [502, "BadGateway", "TEAMS.UNAVAILABLE"],
    [504, "GatewayTimeout", "TEAMS.UNAVAILABLE"],
  ])("%i %s is %s", (status, code, expected) => {
    expect(deliveryError({ status, code })).toMatchObject({ code: expected, status, teamsCode: code });
  });

  it("says nothing when Teams never answered (the caller sees the network error itself)", () => {
    expect(deliveryError({})).toBeUndefined();
  });

  it("refuses a card too large for a Teams message before any call, counting UTF-16", () => {
    expect(() => checkFits(adaptiveCard([text("x".repeat(15_000))]))).not.toThrow();
    expect(() => checkFits(adaptiveCard([text("x".repeat(20_000))]))).toThrow(
      expect.objectContaining({ code: "TEAMS.MESSAGE_REFUSED", status: 413, teamsCode: "MessageSizeTooBig" }),
    );
  });
});
