import { describe, expect, it } from "vitest";
import { SharedCardUpdates } from "../../../../bot/proactive/shared-card-updates.js";
import type { AdaptiveCardJson } from "../../../../bot/cards/card-json.js";
import { createLogger } from "../../../../src/logging/logger.js";

const card = (label: string) =>
  ({ type: "AdaptiveCard", version: "1.5", body: [], label }) as unknown as AdaptiveCardJson;
const labelOf = (c: AdaptiveCardJson) => (c as unknown as { label: string }).label;

/** A Bot Connector whose answers the test releases one at a time. */
function slowConnector() {
  const sent: string[] = [];
  const waiting: Array<() => void> = [];
  return {
    sent,
    send: (c: AdaptiveCardJson) =>
      new Promise<void>((resolve) => {
        sent.push(labelOf(c));
        waiting.push(resolve);
      }),
    answerNext: () => waiting.shift()?.(),
  };
}

function updates() {
  const lines: string[] = [];
  return { lines, shared: new SharedCardUpdates(createLogger((l) => lines.push(l))) };
}

describe("rule 2.1 panel decisions: everyone else's agenda card", () => {
  it("sends one message's updates one at a time, a newer card replacing one not yet sent", async () => {
    const { shared, lines } = updates();
    const connector = slowConnector();
    shared.schedule("chat|agenda-1", card("first"), connector.send);
    shared.schedule("chat|agenda-1", card("second"), connector.send);
    shared.schedule("chat|agenda-1", card("third"), connector.send);
    expect(connector.sent).toEqual(["first"]);
    connector.answerNext();
    await new Promise((r) => setTimeout(r, 0));
    expect(connector.sent).toEqual(["first", "third"]);
    connector.answerNext();
    await shared.settled();
    const logged = lines.map((l) => JSON.parse(l) as { event: string; decisions: number });
    expect(logged.map((l) => [l.event, l.decisions])).toEqual([
      ["bot.card-updated", 1],
      ["bot.card-updated", 2],
    ]);
  });

  it("updates different messages without one waiting for the other", () => {
    const { shared } = updates();
    const connector = slowConnector();
    shared.schedule("chat|agenda-1", card("part 1"), connector.send);
    shared.schedule("chat|agenda-2", card("part 2"), connector.send);
    expect(connector.sent).toEqual(["part 1", "part 2"]);
  });

  it("logs a refused update and goes on with the next card", async () => {
    const { shared, lines } = updates();
    const sent: string[] = [];
    let refuse = true;
    const send = async (c: AdaptiveCardJson) => {
      sent.push(labelOf(c));
      if (refuse) {
        refuse = false;
        throw Object.assign(new Error("Forbidden"), { statusCode: 403 });
      }
    };
    shared.schedule("chat|agenda-1", card("first"), send);
    shared.schedule("chat|agenda-1", card("second"), send);
    await shared.settled();
    expect(sent).toEqual(["first", "second"]);
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual([
      "bot.card-update-failed",
      "bot.card-updated",
    ]);
  });
});
