import { afterEach, describe, expect, it } from "vitest";
import { logInboundMessage } from "../../../src/app/log-inbound-message.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { loadEml } from "../../../dev/mail/eml.js";
import { installed, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";

const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
const dutyChat: Place = { type: "groupChat", id: "19:duty@thread.v2" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };
const patChat: Place = { type: "personal", id: "a:personal-pat" };

let h: BotHarness;
afterEach(async () => h.close());

async function setUp(now: string): Promise<BotHarness> {
  h = await startBotHarness({ now });
  await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
  await h.addStaff({
    id: "aad-pat",
    displayName: "Pat Practitioner",
    email: "p@x.example",
    roles: ["practitioner"],
    managerId: "aad-manager",
  });
  return h;
}

/** What the bot posted into one conversation that contains `marker`, as JSON. */
const postsTo = (place: Place, marker: string): string[] =>
  h.connector.calls
    .filter((c) => c.method === "POST" && c.conversationId === place.id)
    .map((c) => JSON.stringify(c.activity))
    .filter((json) => json.includes(marker));

const say = (from: Sender, place: Place, text: string, id = "msg-1") =>
  post(h.messagesUrl, message(h.connector.serviceUrl, from, place, text, id));

describe("issue 5 §6 nothing queued for Teams is stranded: chat chosen later", () => {
  it("posts a triage card held while no duty chat was chosen once a manager chooses one, linking to the case", async () => {
    await setUp("2026-01-13T10:30:00Z");
    const scheduler = teamsJobs(h);
    const logged = await logInboundMessage(h.deps.app, await loadEml("front-door-plain-fields.eml"));
    if (logged.outcome !== "logged") throw new Error("the fixture should be logged as a contact");
    await tick(scheduler);
    const held = await h.store.outbox.listHeld("teams", "duty", 10);
    expect(held.map((i) => i.purpose)).toContain("triage");
    expect(h.connector.calls).toEqual([]);

    await say(manager, dutyChat, "use this chat for duty");
    await tick(scheduler);
    await tick(scheduler);

    const triage = postsTo(dutyChat, "New contact");
    expect(triage).toHaveLength(1);
    expect(triage[0]).toContain(`https://tab.example/#/case/${logged.caseId}`);
    expect(await h.store.outbox.listHeld("teams", "duty", 10)).toEqual([]);
  });

  it("shows the screening chat today's agenda once when chosen after 09:30, not the held copy as well", async () => {
    await setUp("2026-01-14T09:30:00Z"); // Wednesday
    await h.addCase(aCase().withId("FC-2026-000042").receivedAt("2026-01-12T11:00:00Z").build());
    const scheduler = teamsJobs(h);
    await tick(scheduler);
    expect((await h.store.outbox.get("~notices", "agenda~screening~2026-01-14"))?.state).toBe("held");

    h.clock.set("2026-01-14T11:00:00Z");
    await say(manager, screeningChat, "use this chat for screening");
    await tick(scheduler);
    await tick(scheduler);

    expect(postsTo(screeningChat, "Daily screening, Wed 14 Jan 2026")).toHaveLength(1);
    expect(postsTo(screeningChat, "FC-2026-000042")).toHaveLength(1);
    expect(await h.store.outbox.get("~notices", "agenda~screening~2026-01-14")).toMatchObject({
      state: "failed",
      failureReason: "superseded: agenda-shown-when-chat-chosen",
    });
  });

  it("never posts a past day's held agenda as if it were today's; the next agenda goes at 09:30 as usual", async () => {
    await setUp("2026-01-14T09:30:00Z"); // Wednesday
    await h.addCase(aCase().withId("FC-2026-000042").receivedAt("2026-01-12T11:00:00Z").build());
    const scheduler = teamsJobs(h);
    await tick(scheduler);

    h.clock.set("2026-01-15T08:00:00Z"); // Thursday, before the agenda time
    await say(manager, screeningChat, "use this chat for screening");
    for (const at of ["2026-01-15T08:15:00Z", "2026-01-15T09:30:00Z", "2026-01-15T09:45:00Z"]) {
      h.clock.set(at);
      await tick(scheduler);
    }

    expect(postsTo(screeningChat, "Wed 14 Jan 2026")).toEqual([]);
    // The chat was shown the agenda when chosen, and the day's agenda was posted at 09:30: two, each Thursday's.
    expect(postsTo(screeningChat, "Daily screening, Thu 15 Jan 2026")).toHaveLength(2);
    const audit = h.logLines.filter((l) => l.includes('"event":"teams-outbox.superseded"'));
    expect(audit.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ purpose: "agenda-screening", date: "2026-01-14" }),
    ]);
  });
});

describe("issue 5 §6 nothing queued for Teams is stranded: the app installed later", () => {
  /** A case Pat holds whose 4.x clocks are running, so the nudges job has something to tell Pat. */
  async function patsCase(): Promise<void> {
    await h.addCase(
      aCase()
        .withId("FC-2026-000111")
        .receivedAt("2026-01-05T09:00:00Z")
        .allocatedOn("2026-01-06T10:00:00Z", "aad-pat")
        .build(),
    );
  }

  it("posts today's digest once when Pat installs the app, and drops yesterday's", async () => {
    await setUp("2026-01-19T10:00:00Z"); // Monday
    await patsCase();
    const scheduler = teamsJobs(h);
    await tick(scheduler);
    h.clock.set("2026-01-20T10:00:00Z"); // Tuesday
    await tick(scheduler);
    const heldDigests = (await h.store.outbox.listHeld("teams", "user~aad-pat", 50)).filter(
      (i) => i.purpose === "digest",
    );
    expect(heldDigests.map((i) => i.key)).toEqual(["digest~aad-pat~2026-01-19", "digest~aad-pat~2026-01-20"]);
    expect(postsTo(patChat, "Good morning")).toEqual([]);

    h.clock.set("2026-01-20T14:00:00Z");
    await post(h.messagesUrl, installed(h.connector.serviceUrl, pat, patChat));
    await tick(scheduler);
    await tick(scheduler);

    const digests = postsTo(patChat, "Good morning");
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain("Tue 20 Jan 2026");
    expect(digests[0]).toContain("FC-2026-000111");
    expect(await h.store.outbox.listHeld("teams", "user~aad-pat", 50)).toEqual([]);
    expect(h.logLines.filter((l) => l.includes("Pat"))).toEqual([]);
  });

  it("releases Pat's held nudges on a first message when no install event came first", async () => {
    await setUp("2026-01-20T10:00:00Z");
    await patsCase();
    const scheduler = teamsJobs(h);
    await tick(scheduler);
    expect((await h.store.outbox.listHeld("teams", "user~aad-pat", 50)).length).toBeGreaterThan(0);

    await say(pat, patChat, "help");
    await tick(scheduler);

    expect(postsTo(patChat, "Good morning")).toHaveLength(1);
    expect(await h.store.outbox.listHeld("teams", "user~aad-pat", 50)).toEqual([]);
  });
});
