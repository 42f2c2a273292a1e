import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { botRemoved, cardAction, message, post, type Place, type Sender } from "../../../../dev/teams/activities.js";
import { routeToCentres } from "../../../../bot/centres/centre-router.js";
import { adaptiveCard } from "../../../../bot/cards/card-json.js";
import { execute } from "../../../../bot/cards/elements/actions.js";
import { botCentres, type RoutedCentre } from "../../../../src/compose/bot-centres.js";
import { createCountyStore, type CountyStore } from "../../../../src/store/county-store.js";
import { cardText, executeActions } from "../../../support/adaptive-card.js";
import { movableClock } from "../../../support/app-harness.js";
import { startBotHarness, type BotHarness } from "../bot-harness.js";

// Issue 21 §3, the bot's side: one endpoint for a county's centres, each turn answered by one centre's bot (the
// card's centre, the chat's, the person's), and a centre's bot acting for its own centre only. Identity is each
// centre's Staff table, as in production, not local mode's everyone-has-every-role.

const NORTH_CASE = "FC-2026-000701";
const SOUTH_CASE = "FC-2026-000702";
const SOUTH_OTHER = "FC-2026-000703";
const north: Sender = { id: "29:n", aadObjectId: "aad-north", name: "Nell North" };
const south: Sender = { id: "29:s", aadObjectId: "aad-south", name: "Sid South" };
const both: Sender = { id: "29:b", aadObjectId: "aad-both", name: "Bea Both" };
const stranger: Sender = { id: "29:x", aadObjectId: "aad-stranger", name: "Xan" };
const personal = (who: Sender): Place => ({ type: "personal", id: `a:${who.aadObjectId}` });
const panelChat: Place = { type: "groupChat", id: "19:panel@thread.v2" };

let northBot: BotHarness;
let southBot: BotHarness;
let county: CountyStore;
let server: Server;
let url: string;

beforeEach(async () => {
  const now = "2026-03-02T10:00:00Z";
  county = await createCountyStore(inject("azuriteConnectionString"), {
    allowInsecureConnection: true,
    tablePrefix: `Bot${randomBytes(6).toString("hex")}`,
  });
  const started = new Map<string, RoutedCentre>();
  const all = [
    { id: "north", name: "North Family Centre" },
    { id: "south", name: "South Family Centre" },
  ];
  const centres = botCentres(all, (id) => started.get(id), county, movableClock(now));
  northBot = await startBotHarness({ now, centreName: "North Family Centre", county: { centreId: "north", centres } });
  southBot = await startBotHarness({ now, centreName: "South Family Centre", county: { centreId: "south", centres } });
  started.set("north", { identify: northBot.deps.identify, app: northBot.deps.app });
  started.set("south", { identify: southBot.deps.identify, app: southBot.deps.app });
  const staff = (id: string, roles: string[]) => ({ id, displayName: id, email: `${id}@fc.example`, roles });
  await northBot.addStaff(staff("aad-north", ["duty-worker"]));
  await northBot.addStaff(staff("aad-both", ["duty-worker", "manager"]));
  await southBot.addStaff(staff("aad-south", ["duty-worker"]));
  await southBot.addStaff(staff("aad-both", ["duty-worker", "manager"]));
  await northBot.addCase(aCase().withId(NORTH_CASE).receivedAt("2026-03-02T08:00:00Z").build());
  await southBot.addCase(aCase().withId(SOUTH_CASE).receivedAt("2026-03-02T08:30:00Z").build());
  await southBot.addCase(aCase().withId(SOUTH_OTHER).receivedAt("2026-03-02T08:45:00Z").build());

  const web = express();
  web.use(express.json());
  web.post(
    "/api/messages",
    routeToCentres(
      new Map([
        ["north", northBot.bot],
        ["south", southBot.bot],
      ]),
      centres,
    ),
  );
  server = createServer(web);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await northBot.close();
  await southBot.close();
});

/** Every reply goes to the one fake Bot Connector the activities name, whichever centre's bot sends it. */
const connector = () => northBot.connector;

/** The cards (and words) the bot sent in answer to one message. */
async function say(who: Sender, text: string, place = personal(who)): Promise<unknown[]> {
  const before = connector().calls.length;
  expect((await post(url, message(connector().serviceUrl, who, place, text))).status).toBe(200);
  return connector()
    .calls.slice(before)
    .map((c) => (c.activity.attachments as { content?: unknown }[] | undefined)?.[0]?.content ?? c.activity.text);
}
const saying = async (who: Sender, text: string, place?: Place) => cardText(await say(who, text, place));

/** A click on a button of a card the bot sent, with the card's own data (plus what the person filled in). */
async function click(who: Sender, place: Place, verb: string, data: Record<string, unknown>) {
  const { status, body } = await post(url, cardAction(connector().serviceUrl, who, place, verb, data));
  expect(status).toBe(200);
  return body as { type: string; value: unknown };
}

const decisionsIn = async (h: BotHarness, caseId: string) =>
  (await h.store.cases.getCase(caseId)).case.events.filter((e) => e.type === "screening.decided");

describe("a click goes to the centre whose card it is", () => {
  it("stamps every button of a centre's reply with its centre, and the click is recorded in that centre", async () => {
    const [agenda] = await say(south, "screening");
    expect(cardText(agenda)).toContain(SOUTH_CASE);
    expect(cardText(agenda)).not.toContain(NORTH_CASE);
    const buttons = executeActions(agenda);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.map((b) => b.data["centre"])).toEqual(buttons.map(() => "south"));

    // Bea works in both, and works in North by default: the card still takes her click to South.
    const decide = buttons.find((b) => b.verb === "screening.decide" && b.data["caseId"] === SOUTH_CASE)!;
    const answer = await click(both, panelChat, decide.verb, { ...decide.data, [`${SOUTH_CASE}~outcome`]: "maam" });
    expect(cardText(answer.value)).toContain("Decided by aad-both");
    // The card redrawn in the invoke's answer still takes the next click (on the other case) to South.
    const redrawn = executeActions(answer.value);
    expect(redrawn.length).toBeGreaterThan(0);
    expect(redrawn.map((b) => b.data["centre"])).toEqual(redrawn.map(() => "south"));
    expect(await decisionsIn(southBot, SOUTH_CASE)).toHaveLength(1);
    expect(await decisionsIn(northBot, NORTH_CASE)).toHaveLength(0);
  });

  it("stamps the cards a centre posts of its own accord (agendas, triage cards, nudges) with its centre", async () => {
    await say(south, "help"); // South now knows Sid's personal chat
    const before = connector().calls.length;
    const nudge = { ...adaptiveCard([], [execute("Open", "case.action", { caseId: SOUTH_CASE })]) };
    await southBot.bot.notifier.post("user~aad-south", nudge);
    const [sent] = connector().calls.slice(before);
    const [button] = executeActions((sent?.activity.attachments as { content: unknown }[])[0]?.content);
    expect(button?.data).toEqual({ centre: "south", caseId: SOUTH_CASE });
  });
});

describe("a person's centre in their personal chat", () => {
  it("is their only centre when they work in one", async () => {
    expect(await saying(south, "screening")).toContain(SOUTH_CASE);
    expect(await saying(north, "screening")).toContain(NORTH_CASE);
  });

  it("is the first of theirs until they choose another with the switcher, which then answers for it", async () => {
    expect(await saying(both, "help")).toContain("What I can do for North Family Centre");
    const [switcher] = await say(both, "centre");
    expect(cardText(switcher)).toContain("You are working in North Family Centre");
    const [toSouth] = executeActions(switcher);
    expect(toSouth).toMatchObject({ title: "South Family Centre", data: { centre: "south" } });

    const answer = await click(both, personal(both), toSouth!.verb, toSouth!.data);
    expect(cardText(answer.value)).toContain("You are working in South Family Centre");
    expect(await saying(both, "help")).toContain("What I can do for South Family Centre");
    expect(await saying(both, "screening")).toContain(SOUTH_CASE);
    expect(await saying(both, `case ${SOUTH_CASE}`)).toContain(`Case ${SOUTH_CASE}`);
  });

  it("is one chat for all their centres: the first message to one lets the others reach them there", async () => {
    await say(both, "help"); // answered by North, her first centre
    await say(north, "help");
    const before = connector().calls.length;
    await southBot.bot.notifier.post("user~aad-both", { ...adaptiveCard([], [execute("Open", "case.action", {})]) });
    const [sent] = connector().calls.slice(before);
    expect(sent?.conversationId).toBe(personal(both).id);
    // Only the centres whose staff list has the person.
    expect(await southBot.store.conversations.get("user~aad-north")).toBeUndefined();
  });

  it("names no centre to someone who works in one, and refuses someone on no centre's staff list", async () => {
    expect(await saying(south, "help")).not.toContain("What I can do for");
    expect(await saying(south, "centre")).toContain("no other centre to switch to");
    expect(await saying(stranger, "screening")).toContain("not on the Family Centre's staff list");
  });
});

describe("a group chat belongs to the centre it was chosen for", () => {
  it("use this chat registers it for the manager's centre, named, and its later turns go there", async () => {
    const [toSouth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toSouth!.verb, toSouth!.data);

    const answer = await saying(both, "use this chat for screening", panelChat);
    expect(answer).toContain("This chat is now South Family Centre's screening chat");
    expect(answer).toContain(SOUTH_CASE);
    expect((await southBot.store.settings.get("centre"))?.value.chatIds["screening"]).toBe(`chat~${panelChat.id}`);
    expect((await northBot.store.settings.get("centre"))?.value.chatIds ?? {}).toEqual({});

    // Bea goes back to North; the chat stays South's.
    const [toNorth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toNorth!.verb, toNorth!.data);
    expect(await saying(both, "screening")).toContain(NORTH_CASE);
    const inTheChat = await saying(both, "screening", panelChat);
    expect(inTheChat).toContain(SOUTH_CASE);
    expect(inTheChat).not.toContain(NORTH_CASE);
  });

  it("belongs to no centre once the bot is removed from it, and is registered afresh when it is added again", async () => {
    const [toSouth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toSouth!.verb, toSouth!.data);
    await saying(both, "use this chat for screening", panelChat);
    expect(await county.records("chat-centre").get(`chat~${panelChat.id}`)).toBeDefined();

    expect((await post(url, botRemoved(connector().serviceUrl, both, panelChat))).status).toBe(200);
    expect(await county.records("chat-centre").get(`chat~${panelChat.id}`)).toBeUndefined();
    expect((await southBot.store.settings.get("centre"))?.value.chatIds["screening"]).toBeUndefined();

    const [toNorth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toNorth!.verb, toNorth!.data);
    expect(await saying(both, "use this chat for screening", panelChat)).toContain(
      "This chat is now North Family Centre's screening chat",
    );
    expect((await county.records("chat-centre").get(`chat~${panelChat.id}`))?.value).toMatchObject({
      centreId: "north",
    });
  });

  it("is chosen again for the manager's centre of the moment, however it was registered before", async () => {
    const [toSouth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toSouth!.verb, toSouth!.data);
    await saying(both, "use this chat for screening", panelChat);
    const [toNorth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toNorth!.verb, toNorth!.data);

    expect(await saying(both, "use this chat for maam", panelChat)).toContain(
      "This chat is now North Family Centre's MAAM chat",
    );
    expect(await saying(both, "screening", panelChat)).toContain(NORTH_CASE);
  });
});

describe("a centre's bot acts only for its centre (issue 21: another centre's case is refused by the bot)", () => {
  it("refuses a member of North a click on South's card as it refuses anyone off its staff list, recording nothing", async () => {
    const [agenda] = await say(south, "screening");
    const decide = executeActions(agenda).find(
      (b) => b.verb === "screening.decide" && b.data["caseId"] === SOUTH_CASE,
    )!;
    const answer = await click(north, panelChat, decide.verb, { ...decide.data, [`${SOUTH_CASE}~outcome`]: "nfa" });
    expect(cardText(answer.value)).toContain("not on the Family Centre's staff list");
    expect(cardText(answer.value)).not.toContain(SOUTH_CASE);
    expect(await decisionsIn(southBot, SOUTH_CASE)).toHaveLength(0);
  });

  it("answers a member of North asking for South's case as if there were no such case", async () => {
    const answer = await saying(north, `case ${SOUTH_CASE}`);
    expect(answer).toContain("CASE.NOT_FOUND");
    expect(answer).not.toContain("Recent timeline");
  });

  it("refuses a member of North a forged switch to South, and keeps no such choice", async () => {
    const answer = await click(north, personal(north), "centre.choose", { centre: "south" });
    expect(cardText(answer.value)).toContain("not on the Family Centre's staff list");
    expect(await county.records("bot-centre-choice").list()).toEqual([]);
  });

  it("refuses a member of North in a chat registered to South", async () => {
    const [toSouth] = executeActions((await say(both, "centre"))[0]);
    await click(both, personal(both), toSouth!.verb, toSouth!.data);
    await saying(both, "use this chat for screening", panelChat);
    const answer = await saying(north, "screening", panelChat);
    expect(answer).toContain("not on the Family Centre's staff list");
    expect(answer).not.toContain(SOUTH_CASE);
  });
});
