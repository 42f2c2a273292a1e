import { afterEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, installed, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { cardProblems, executeActions } from "../../support/adaptive-card.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";

const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
const patChat: Place = { type: "personal", id: "a:personal-pat" };
const dutyChat: Place = { type: "groupChat", id: "19:duty@thread.v2" };
const PATS = "FC-2026-000111";
const UNALLOCATED = "FC-2026-000112";

let h: BotHarness;
afterEach(async () => h.close());

/** Pat holds a case allocated on Tue 6 Jan with no initial contact yet (4.1a running); one more waits unallocated. */
async function setUp(): Promise<void> {
  h = await startBotHarness({ now: "2026-01-09T10:00:00Z" });
  await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
  await h.addStaff({
    id: "aad-pat",
    displayName: "Pat Practitioner",
    email: "p@x.example",
    roles: ["practitioner"],
    managerId: "aad-manager",
  });
  await h.addCase(
    aCase().withId(PATS).receivedAt("2026-01-05T09:00:00Z").allocatedOn("2026-01-06T10:00:00Z", "aad-pat").build(),
  );
  await h.addCase(aCase().withId(UNALLOCATED).receivedAt("2026-01-02T09:00:00Z").screenedAs("maam").build());
  await post(h.messagesUrl, installed(h.connector.serviceUrl, pat, patChat));
  await post(h.messagesUrl, message(h.connector.serviceUrl, manager, dutyChat, "use this chat for duty"));
  h.connector.calls.length = 0;
}

const cardsIn = (place: Place): AdaptiveCardJson[] =>
  h.connector.calls
    .filter((c) => c.method === "POST" && c.conversationId === place.id)
    .flatMap((c) => (c.activity as { attachments?: { content: AdaptiveCardJson }[] }).attachments ?? [])
    .map((a) => a.content);

describe("issue 17 §6 nudges people act on, through the bot's real adapter", () => {
  it("Pat's digest offers the initial contact under its clock, and taking it there stops the clock", async () => {
    await setUp();
    const scheduler = teamsJobs(h);
    await tick(scheduler);
    await tick(scheduler);

    const digest = cardsIn(patChat).find((c) => JSON.stringify(c).includes("Good morning"));
    expect(digest).toBeDefined();
    expect(cardProblems(digest!)).toEqual([]);
    const button = executeActions(digest).find((a) => a.data["actionId"] === "record-initial-contact");
    expect(button).toMatchObject({ verb: "case.action", data: { caseId: PATS, from: "nudge" } });

    const { status, body } = await post(
      h.messagesUrl,
      cardAction(h.connector.serviceUrl, pat, patChat, button!.verb, button!.data, "i-nudge"),
    );
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain(`Done on case ${PATS}`);
    const { case: kase } = await h.store.cases.getCase(PATS);
    expect(kase.events.at(-1)).toMatchObject({ type: "initial-contact.made", by: { id: "aad-pat" } });
  });

  it("a card in the shared duty chat carries no case's actions", async () => {
    await setUp();
    const scheduler = teamsJobs(h);
    await tick(scheduler);
    await tick(scheduler);
    const duty = cardsIn(dutyChat);
    expect(duty.length).toBeGreaterThan(0);
    expect(duty.flatMap((c) => executeActions(c)).filter((a) => a.verb === "case.action")).toEqual([]);
  });
});
