import { afterEach, describe, expect, it } from "vitest";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardProblems, cardText, executeActions } from "../../support/adaptive-card.js";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import {
  botAdded,
  cardAction,
  installed,
  message,
  post,
  typed,
  type Place,
  type Sender,
} from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import type { Store } from "../../../src/store/store.js";

const dutyWorker: Sender = { id: "29:duty", aadObjectId: "aad-duty", name: "Dana Duty" };
const manager: Sender = { id: "29:manager", aadObjectId: "aad-manager", name: "Morgan Manager" };
const personal: Place = { type: "personal", id: "a:personal-duty" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };
const dutyChannel: Place = {
  type: "channel",
  id: "19:duty@thread.tacv2;messageid=1",
  channelId: "19:duty@thread.tacv2",
};

let h: BotHarness;
afterEach(async () => h.close());

async function withStaff(store?: Store): Promise<BotHarness> {
  h = await startBotHarness(store ? { store } : {});
  await h.addStaff({ id: "aad-duty", displayName: "Dana Duty", email: "d@x.example", roles: ["duty-worker"] });
  await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
  return h;
}

/**
 * Teams' two install activities processed side by side: the first two reads of a conversation wait for each other
 * (or 200 ms), so both see "not saved yet" unless the save itself decides who is first.
 */
function storeWhereTwoReadsMeet(): Store {
  const store = createMemoryStore();
  const waiting: Array<() => void> = [];
  const meet = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === 2) for (const release of waiting) release();
      else setTimeout(resolve, 200);
    });
  const conversations: Store["conversations"] = {
    get: async (key) => {
      await meet();
      return store.conversations.get(key);
    },
    put: (key, value, etag) => store.conversations.put(key, value, etag),
    list: () => store.conversations.list(),
    delete: (key, etag) => store.conversations.delete(key, etag),
  };
  return { ...store, conversations };
}

const json = (card: unknown): string => cardText(card);
const sentCards = (): AdaptiveCardJson[] => h.connector.cards() as unknown as AdaptiveCardJson[];

function expectValid(cards: readonly AdaptiveCardJson[]): void {
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect(cardProblems(card)).toEqual([]);
}

describe("group chats, meeting chats and channels reach the bot only with an @mention (issue 20)", () => {
  it("the help card there shows each command with the @mention, and those words reach the bot where bare ones would not", async () => {
    await withStaff();
    await post(h.messagesUrl, typed(h.connector.serviceUrl, manager, screeningChat, "@Family Centre help"));
    const help = json(sentCards());
    expect(help).toContain("@Family Centre screening");
    expect(help).toContain("only see messages that @mention me");

    expect(typed(h.connector.serviceUrl, manager, screeningChat, "screening")).toBeUndefined();
    const asked = typed(h.connector.serviceUrl, manager, screeningChat, "@Family Centre screening");
    expect((await post(h.messagesUrl, asked)).status).toBe(200);
    expect(json(sentCards().at(-1))).toContain("Daily screening");
  });

  it("the welcome in a group chat says to @mention the bot; in a personal chat it does not", async () => {
    await withStaff();
    await post(h.messagesUrl, installed(h.connector.serviceUrl, manager, screeningChat));
    await post(h.messagesUrl, installed(h.connector.serviceUrl, dutyWorker, personal));
    const [inGroup, inPersonal] = sentCards();
    expect(json(inGroup)).toContain("@Family Centre maam");
    expect(json(inPersonal)).toContain("Type one of these:");
    expect(json(inPersonal)).not.toContain("@Family Centre");
  });

  it("a refusal in a shared chat says what to send with the @mention", async () => {
    await withStaff();
    const stranger: Sender = { id: "29:x", aadObjectId: "aad-stranger", name: "Sam Stranger" };
    await post(h.messagesUrl, typed(h.connector.serviceUrl, stranger, screeningChat, "@Family Centre screening"));
    expect(json(sentCards())).toContain('Send \\"@Family Centre help\\"');
  });
});

describe("help and install", () => {
  it("answers help in a personal chat with the list of commands", async () => {
    await withStaff();
    const { status } = await post(h.messagesUrl, message(h.connector.serviceUrl, dutyWorker, personal, "help"));
    expect(status).toBe(200);
    const cards = sentCards();
    expectValid(cards);
    expect(json(cards)).toContain("my cases");
    expect(h.connector.calls[0]?.conversationId).toBe(personal.id);
  });

  it("understands a command in a channel once the @mention is stripped", async () => {
    await withStaff();
    await post(h.messagesUrl, message(h.connector.serviceUrl, dutyWorker, dutyChannel, "due"));
    expect(json(sentCards())).toContain('\\"due\\" is answered only in your personal chat');
    expect(h.connector.calls[0]?.conversationId).toBe(dutyChannel.id);
  });

  it("greets on install and keeps the personal chat's reference under user~<aadObjectId>", async () => {
    await withStaff();
    await post(h.messagesUrl, installed(h.connector.serviceUrl, dutyWorker, personal));
    expectValid(sentCards());
    const stored = await h.store.conversations.get("user~aad-duty");
    expect(stored?.value.reference).toMatchObject({
      conversation: { id: personal.id },
      serviceUrl: h.connector.serviceUrl,
    });
  });

  it("greets once when Teams sends both an installationUpdate and a conversationUpdate for one install", async () => {
    await withStaff();
    await post(h.messagesUrl, installed(h.connector.serviceUrl, manager, screeningChat));
    await post(h.messagesUrl, botAdded(h.connector.serviceUrl, manager, screeningChat));
    expect(sentCards()).toHaveLength(1);
  });

  it("greets once when the installationUpdate and the conversationUpdate arrive together", async () => {
    await withStaff(storeWhereTwoReadsMeet());
    await Promise.all([
      post(h.messagesUrl, installed(h.connector.serviceUrl, manager, screeningChat)),
      post(h.messagesUrl, botAdded(h.connector.serviceUrl, manager, screeningChat)),
    ]);
    expect(sentCards()).toHaveLength(1);
    expect(await h.store.conversations.get(`chat~${screeningChat.id}`)).toBeDefined();
  });

  it("keeps a channel's reference to the channel itself, not the thread the command came in", async () => {
    await withStaff();
    await post(h.messagesUrl, message(h.connector.serviceUrl, dutyWorker, dutyChannel, "help"));
    const stored = await h.store.conversations.get(`channel~${dutyChannel.channelId}`);
    expect(stored?.value.reference).toMatchObject({ conversation: { id: dutyChannel.channelId } });
  });

  it("greets when added to a group chat and keeps it under chat~<id>", async () => {
    await withStaff();
    await post(h.messagesUrl, botAdded(h.connector.serviceUrl, manager, screeningChat));
    expect(sentCards()).toHaveLength(1);
    expect(await h.store.conversations.get(`chat~${screeningChat.id}`)).toBeDefined();
  });
});

describe("rule 2.1 screening on demand", () => {
  it("answers screening with an agenda of every case awaiting screening, no family names, a decide button each", async () => {
    await withStaff();
    const kase = {
      ...aCase().withId("FC-2026-000101").build(),
      family: { name: "Bloggs", children: ["Alfie Bloggs"] },
    };
    await h.addCase(kase);
    await h.addCase(aCase().withId("FC-2026-000102").build());
    await post(h.messagesUrl, message(h.connector.serviceUrl, dutyWorker, screeningChat, "screening"));
    const cards = sentCards();
    expectValid(cards);
    expect(json(cards)).not.toContain("Bloggs");
    const decides = cards.flatMap((c) => executeActions(c)).filter((a) => a.verb === "screening.decide");
    expect(decides.map((a) => a.data.caseId)).toEqual(["FC-2026-000101", "FC-2026-000102"]);
  });

  it("refuses someone who is not on the staff list", async () => {
    await withStaff();
    const stranger: Sender = { id: "29:x", aadObjectId: "aad-stranger", name: "Stranger" };
    await post(h.messagesUrl, message(h.connector.serviceUrl, stranger, screeningChat, "screening"));
    expect(json(sentCards())).toContain("not on the Family Centre's staff list");
    expect(executeActions(sentCards()[0])).toEqual([]);
  });
});

describe("case <reference>", () => {
  it("shows the case in a personal chat", async () => {
    await withStaff();
    await h.addCase(aCase().withId("FC-2026-000101").build());
    await post(h.messagesUrl, message(h.connector.serviceUrl, dutyWorker, personal, "case fc-2026-000101"));
    expectValid(sentCards());
    expect(json(sentCards())).toContain("FC-2026-000101");
  });

  it("never shows a case in a shared chat", async () => {
    await withStaff();
    const kase = { ...aCase().withId("FC-2026-000101").build(), family: { name: "Bloggs" } };
    await h.addCase(kase);
    await post(h.messagesUrl, message(h.connector.serviceUrl, dutyWorker, screeningChat, "case FC-2026-000101"));
    expect(json(sentCards())).toContain("only in your personal chat");
    expect(json(sentCards())).not.toContain("Bloggs");
  });
});

describe("a manager chooses the screening chat", () => {
  it("stores the chat for the screening agenda and answers with it", async () => {
    await withStaff();
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, screeningChat, "use this chat for screening"));
    const settings = await h.store.settings.get("centre");
    expect(settings?.value.chatIds).toEqual({ screening: `chat~${screeningChat.id}` });
    expect(h.connector.calls[0]?.activity.text).toContain("screening chat");
    expectValid(sentCards());
  });

  it("refuses anyone but a manager", async () => {
    await withStaff();
    await post(
      h.messagesUrl,
      message(h.connector.serviceUrl, dutyWorker, screeningChat, "use this chat for screening"),
    );
    expect(await h.store.settings.get("centre")).toBeUndefined();
    expect(json(sentCards())).toContain("Only a manager");
  });
});

describe("my cases and due", () => {
  it("lists the practitioner's own cases and what is due on them, in their personal chat", async () => {
    await withStaff();
    await h.addStaff({ id: "aad-pat", displayName: "Pat Practitioner", email: "p@x.example", roles: ["practitioner"] });
    const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
    const patChat: Place = { type: "personal", id: "a:personal-pat" };
    h.clock.set("2026-01-20T10:00:00Z");
    await h.addCase(
      aCase()
        .withId("FC-2026-000111")
        .receivedAt("2026-01-12T09:00:00Z")
        .allocatedOn("2026-01-13T10:00:00Z", "aad-pat")
        .build(),
    );
    await h.addCase(aCase().withId("FC-2026-000112").build());
    await post(h.messagesUrl, message(h.connector.serviceUrl, pat, patChat, "my cases"));
    await post(h.messagesUrl, message(h.connector.serviceUrl, pat, patChat, "due", "msg-2"));
    const [mine, due] = sentCards();
    expectValid(sentCards());
    expect(json(mine)).toContain("FC-2026-000111");
    expect(json(mine)).not.toContain("FC-2026-000112");
    expect(json(due)).toContain("FC-2026-000111");
  });
});

describe("rule 1.1 MAAM agenda on demand", () => {
  it("lists cases sent to MAAM; choosing to allocate asks for the worker there, with practitioners' caseloads", async () => {
    await withStaff();
    await h.addStaff({
      id: "aad-pat",
      displayName: "Pat Practitioner",
      email: "p@x.example",
      roles: ["practitioner"],
      hoursPerWeek: 22.5,
    });
    await h.addCase(aCase().withId("FC-2026-000121").screenedAs("maam").build());
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, screeningChat, "maam"));
    expectValid(sentCards());
    const agenda = json(sentCards());
    expect(agenda).toContain("FC-2026-000121");
    expect(agenda).not.toContain("Pat Practitioner");
    const [decide] = executeActions(sentCards()[0]);
    expect(decide?.verb).toEqual("maam.decide");

    const click = cardAction(h.connector.serviceUrl, manager, screeningChat, "maam.decide", {
      ...decide?.data,
      "FC-2026-000121~outcome": "allocate",
    });
    const { body } = await post(h.messagesUrl, click);
    const answer = (body as { value: AdaptiveCardJson }).value;
    expectValid([answer]);
    expect(json(answer)).toMatch(/Pat Practitioner \(0\/\d+\)/);
    expect(json(answer)).toContain("Choose the worker case FC-2026-000121 is allocated to");
    expect(json(answer)).toContain('"value":"allocate"');
  });
});
