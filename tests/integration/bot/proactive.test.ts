import { afterEach, describe, expect, it } from "vitest";
import { adaptiveCard } from "../../../bot/cards/card-json.js";
import { text } from "../../../bot/cards/elements/text.js";
import { logInboundMessage } from "../../../src/app/log-inbound-message.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { loadEml } from "../../../dev/mail/eml.js";
import { installed, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";

const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const personal: Place = { type: "personal", id: "a:personal-manager" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };
// The port takes plain card JSON (jobs render cards without importing bot/).
const card = (n: number) => ({ ...adaptiveCard([text(`Nudge ${n}`)]) });

let h: BotHarness;
afterEach(async () => h.close());

async function setUp(options: { teamsAppId?: string } = {}): Promise<BotHarness> {
  h = await startBotHarness(options);
  await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
  await post(h.messagesUrl, installed(h.connector.serviceUrl, manager, personal));
  await post(h.messagesUrl, message(h.connector.serviceUrl, manager, screeningChat, "use this chat for screening"));
  h.connector.calls.length = 0;
  return h;
}

describe("proactive messages from stored conversation references", () => {
  it("posts to a person's personal chat by user~<aadObjectId> and to a panel's chat by its purpose", async () => {
    await setUp();
    const nudge = await h.bot.notifier.post("user~aad-manager", card(1));
    await h.bot.notifier.post("screening", card(2));
    expect(h.connector.calls.map((c) => c.conversationId)).toEqual([personal.id, screeningChat.id]);
    expect(nudge.activityId).toMatch(/^activity-/);
    expect(JSON.stringify(h.connector.cards())).toContain("Nudge 2");
  });

  it("updates a card it posted", async () => {
    await setUp();
    const { activityId } = await h.bot.notifier.post("screening", card(1));
    await h.bot.notifier.update("screening", activityId, card(2));
    expect(h.connector.calls.at(-1)).toMatchObject({ method: "PUT", conversationId: screeningChat.id, activityId });
  });

  it("says plainly when no conversation is stored for a key", async () => {
    await setUp();
    await expect(h.bot.notifier.post("maam", card(1))).rejects.toMatchObject({ code: "BOT.CONVERSATION_UNKNOWN" });
  });
});

describe("Teams rate limits per conversation", () => {
  it("backs off exponentially on 429 and then sends once", async () => {
    await setUp();
    h.connector.throttleNext(3);
    await h.bot.notifier.post("screening", card(1));
    expect(h.connector.throttledCount()).toBe(3);
    expect(h.connector.calls).toHaveLength(1);
    expect(h.pacing.slept).toEqual([1000, 2000, 4000]);
  });

  it("gives up after five refusals and says so to the caller (the outbox tries again later)", async () => {
    await setUp();
    h.connector.throttleNext(5);
    await expect(h.bot.notifier.post("screening", card(1))).rejects.toMatchObject({
      code: "TEAMS.THROTTLED",
      status: 429,
    });
    expect(h.connector.calls).toEqual([]);
  });

  it("keeps one conversation to 7 a second and 8 in 2 seconds, and lets another conversation go meanwhile", async () => {
    await setUp();
    await Promise.all([...Array(9).keys()].map((n) => h.bot.notifier.post("screening", card(n))));
    expect(h.connector.calls).toHaveLength(9);
    // The 8th waits for the 1st to leave the 1 s window; the 9th for the 1st to leave the 2 s window.
    expect(h.pacing.slept).toEqual([1000, 1000]);
    h.pacing.slept.length = 0;
    await h.bot.notifier.post("user~aad-manager", card(99));
    expect(h.pacing.slept).toEqual([]);
  });
});

describe("rule 2.1 the daily screening agenda, posted by the jobs", () => {
  it("goes to the chat a manager chose, at 09:30 on a working day, exactly once", async () => {
    await setUp();
    await h.addCase(aCase().withId("FC-2026-000042").receivedAt("2026-01-12T11:00:00Z").build());
    const scheduler = teamsJobs(h);

    h.clock.set("2026-01-14T09:29:00Z"); // Wednesday, GMT: 09:29 in London
    await tick(scheduler);
    expect(h.connector.calls).toEqual([]);
    for (const at of ["2026-01-14T09:30:00Z", "2026-01-14T09:31:00Z", "2026-01-14T11:00:00Z"]) {
      h.clock.set(at);
      await tick(scheduler);
    }

    expect(h.connector.calls.map((c) => [c.method, c.conversationId])).toEqual([["POST", screeningChat.id]]);
    const posted = JSON.stringify(h.connector.cards());
    expect(posted).toContain("Daily screening, Wed 14 Jan 2026");
    expect(posted).toContain("FC-2026-000042");
    expect(posted).toContain('"agendaCaseIds":["FC-2026-000042"]');
  });

  it("holds the MAAM agenda while no chat is chosen for MAAM, and posts nothing anywhere else", async () => {
    await setUp();
    await h.addCase(aCase().withId("FC-2026-000043").screenedAs("maam").build());
    const scheduler = teamsJobs(h);

    h.clock.set("2026-01-13T10:00:00Z"); // Tuesday: the MAAM meeting day
    await tick(scheduler);
    await tick(scheduler);

    expect(h.connector.calls.map((c) => c.conversationId)).toEqual([screeningChat.id]);
    expect((await h.store.outbox.get("~notices", "agenda~maam~2026-01-13"))?.state).toBe("held");
    expect(h.logLines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});

describe("issue 5 §2 duty triage", () => {
  const dutyChat: Place = { type: "groupChat", id: "19:duty@thread.v2" };

  it("posts one triage card per new contact to the duty chat, however often intake handles the message", async () => {
    await setUp();
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, dutyChat, "use this chat for duty"));
    h.connector.calls.length = 0;
    const mail = await loadEml("front-door-plain-fields.eml");
    const scheduler = teamsJobs(h);

    const first = await logInboundMessage(h.deps.app, mail);
    await logInboundMessage(h.deps.app, mail);
    await tick(scheduler);
    await tick(scheduler);

    expect(first.outcome).toBe("logged");
    const triage = h.connector.calls.filter((c) => JSON.stringify(c.activity).includes("New contact"));
    expect(triage.map((c) => c.conversationId)).toEqual([dutyChat.id]);
    const card = JSON.stringify(triage[0]?.activity);
    expect(card).toContain(`New contact: Front Door contact · ${first.outcome === "logged" ? first.caseId : ""}`);
    expect(card).toContain("triage.addToScreening");
    expect(card).toContain("Sorted as");
  });

  it("links the card to the case in the tab with a Teams deep link, so it opens inside Teams (issue 20)", async () => {
    const appId = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    await setUp({ teamsAppId: appId });
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, dutyChat, "use this chat for duty"));
    const logged = await logInboundMessage(h.deps.app, await loadEml("front-door-plain-fields.eml"));
    await tick(teamsJobs(h));

    const [card] = h.connector.cards().filter((c) => JSON.stringify(c).includes("New contact"));
    const open = (card?.["actions"] as { type: string; url?: string }[]).find((a) => a.type === "Action.OpenUrl");
    const link = new URL(open?.url ?? "");
    expect(link.href.startsWith(`https://teams.microsoft.com/l/entity/${appId}/triage?`)).toBe(true);
    const caseId = logged.outcome === "logged" ? logged.caseId : "";
    expect(JSON.parse(link.searchParams.get("context") ?? "{}")).toEqual({ subEntityId: `case/${caseId}` });
  });
});
