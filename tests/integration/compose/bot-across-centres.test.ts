import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cardAction, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startFakeConnector, type FakeConnector } from "../../../dev/teams/fake-connector.js";
import { cardText, executeActions } from "../../support/adaptive-card.js";
import { startLocalStack, type LocalStack } from "../../support/local-stack.js";

// The composition root's side of issue 21 §3: the service with two centres (FC_CENTRES_FILE) has one bot endpoint,
// which hands each turn to a centre's bot (local mode: everyone works in every centre).

const bea: Sender = { id: "29:b", aadObjectId: "aad-bea", name: "Bea" };
const personal: Place = { type: "personal", id: "a:bea" };
const maamChat: Place = { type: "groupChat", id: "19:maam@thread.v2" };

let stack: LocalStack;
let connector: FakeConnector;
let url: string;
beforeAll(async () => {
  stack = await startLocalStack(inject("azuriteConnectionString"), `Bc${randomBytes(4).toString("hex")}`, {
    centres: [
      { id: "north", name: "North Family Centre", mailbox: "north.familycentre@council.example" },
      { id: "south", name: "South Family Hub", mailbox: "south.familyhub@council.example" },
    ],
  });
  connector = await startFakeConnector();
  url = `${stack.service.url}/api/messages`;
});
afterAll(async () => {
  await connector.close();
  await stack.close();
});

async function say(text: string, place = personal): Promise<unknown[]> {
  const before = connector.calls.length;
  expect((await post(url, message(connector.serviceUrl, bea, place, text))).status).toBe(200);
  return connector.calls
    .slice(before)
    .map((c) => (c.activity.attachments as { content?: unknown }[] | undefined)?.[0]?.content ?? c.activity.text);
}

describe("a service with two centres: one bot endpoint, each turn answered by a centre's bot", () => {
  it("answers for the first centre, switches to the second, and a chat chosen there is the second's", async () => {
    const [first, second] = stack.service.centres.map((c) => c.centre);
    expect(second?.id).toBe("south");
    expect(cardText(await say("help"))).toContain(`What I can do for ${first!.mailbox.centreName}`);

    const [switcher] = await say("centre");
    const buttons = executeActions(switcher);
    expect(buttons.map((b) => b.data["centre"])).toEqual(["south"]);
    const { body } = await post(
      url,
      cardAction(connector.serviceUrl, bea, personal, buttons[0]!.verb, buttons[0]!.data),
    );
    expect(cardText(body)).toContain(`You are working in ${second!.mailbox.centreName}`);
    expect((await stack.service.county.records("bot-centre-choice").list()).map((r) => r.value)).toEqual([
      expect.objectContaining({ centreId: "south" }),
    ]);
    expect(cardText(await say("help"))).toContain(`What I can do for ${second!.mailbox.centreName}`);

    const chosen = cardText(await say("use this chat for maam", maamChat));
    expect(chosen).toContain(`This chat is now ${second!.mailbox.centreName}'s MAAM chat`);
    const [, secondService] = stack.service.centres;
    expect((await secondService!.store.settings.get("centre"))?.value.chatIds["maam"]).toBe(`chat~${maamChat.id}`);
    expect((await stack.service.store.settings.get("centre"))?.value.chatIds["maam"]).toBeUndefined();
  });
});
