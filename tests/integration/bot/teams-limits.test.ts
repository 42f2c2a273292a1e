import { afterEach, describe, expect, it } from "vitest";
import { TEAMS_MESSAGE_LIMIT_BYTES } from "../../../dev/teams/fake-connector.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, installed, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { executeActions } from "../../support/adaptive-card.js";
import { eventually } from "../../support/local-stack.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";

/**
 * Issue 20: Teams refuses a message over 40 KB counted as UTF-16 (413 `MessageSizeTooBig`), and so does the fake
 * connector. A centre's real morning: 60 contacts waiting and 30 practitioners who could be allocated.
 */
const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };
const maamChat: Place = { type: "groupChat", id: "19:maam@thread.v2" };
const caseId = (n: number) => `FC-2026-${String(n).padStart(6, "0")}`;

let h: BotHarness;
afterEach(async () => h.close());

async function aBusyCentre(): Promise<BotHarness> {
  h = await startBotHarness({ now: "2026-01-12T08:00:00Z" });
  await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
  for (let n = 1; n <= 30; n++) {
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    await h.addStaff({ id, displayName: `Practitioner ${n}`, email: `p${n}@x.example`, roles: ["practitioner"] });
  }
  for (let n = 1; n <= 60; n++) {
    await h.addCase(aCase().withId(caseId(n)).receivedAt("2026-01-09T10:00:00Z").build());
    await h.addCase(
      aCase()
        .withId(caseId(100 + n))
        .screenedAs("maam")
        .build(),
    );
  }
  for (const [place, purpose] of [
    [screeningChat, "screening"],
    [maamChat, "maam"],
  ] as const) {
    await post(h.messagesUrl, installed(h.connector.serviceUrl, manager, place));
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, place, `use this chat for ${purpose}`));
  }
  h.connector.calls.length = 0;
  return h;
}

const posted = (chat: Place) => h.connector.calls.filter((c) => c.method === "POST" && c.conversationId === chat.id);
const caseIdsIn = (calls: { activity: unknown }[]) =>
  calls.flatMap((c) => executeActions(c.activity).map((a) => String(a.data.caseId)));

describe("Teams' 40 KB message limit, counted as UTF-16, is the tests' floor", () => {
  it("the fake connector refuses what Teams refuses: 25,000 characters are 25 KB of UTF-8 but 50 KB as UTF-16", async () => {
    h = await startBotHarness();
    const big = { type: "message", text: "x".repeat(25_000) };
    const url = `${h.connector.serviceUrl}v3/conversations/19%3Aany/activities`;
    const refused = await fetch(url, { method: "POST", body: JSON.stringify(big) });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: "MessageSizeTooBig" } });
    const fits = await fetch(url, {
      method: "POST",
      body: JSON.stringify({ type: "message", text: "x".repeat(19_000) }),
    });
    expect(fits.status).toBe(200);
  });

  it("posts the screening and MAAM agendas of 60 cases each, with 30 practitioners, in parts Teams takes", async () => {
    await aBusyCentre();
    h.clock.set("2026-01-13T09:30:00Z"); // Tuesday: screening every working day, MAAM on Tuesdays
    await tick(teamsJobs(h));

    expect(h.connector.refused).toEqual([]);
    const screening = posted(screeningChat);
    const maam = posted(maamChat);
    expect(caseIdsIn(screening)).toEqual(Array.from({ length: 60 }, (_, i) => caseId(i + 1)));
    expect(caseIdsIn(maam)).toEqual(Array.from({ length: 60 }, (_, i) => caseId(101 + i)));
    for (const call of [...screening, ...maam]) {
      expect(JSON.stringify(call.activity).length * 2).toBeLessThanOrEqual(TEAMS_MESSAGE_LIMIT_BYTES);
    }
  });

  it("a decision on a part of that agenda updates the shared card for everyone within the limit", async () => {
    await aBusyCentre();
    h.clock.set("2026-01-13T09:30:00Z");
    await tick(teamsJobs(h));
    const [first] = posted(screeningChat);
    const [decide] = executeActions(first?.activity);
    const click = cardAction(h.connector.serviceUrl, manager, screeningChat, "screening.decide", {
      ...decide?.data,
      [`${String(decide?.data.caseId)}~outcome`]: "maam",
      [`${String(decide?.data.caseId)}~note`]: "For the panel.",
    });
    const { body } = await post(h.messagesUrl, click);
    expect(JSON.stringify(body)).toContain("Decided by Morgan Manager");
    await eventually(async () => expect(h.connector.calls.filter((c) => c.method === "PUT")).toHaveLength(1));
    expect(h.connector.refused).toEqual([]);
  });

  it("answers an allocation on a 60-case MAAM agenda with the 30-worker picker on that item, within the limit", async () => {
    await aBusyCentre();
    h.clock.set("2026-01-13T09:30:00Z");
    await tick(teamsJobs(h));
    const [first] = posted(maamChat);
    const [decide] = executeActions(first?.activity);
    const click = cardAction(h.connector.serviceUrl, manager, maamChat, "maam.decide", {
      ...decide?.data,
      [`${String(decide?.data.caseId)}~outcome`]: "allocate",
    });
    const { body } = await post(h.messagesUrl, click);
    const answer = JSON.stringify(body);
    expect(answer).toContain("Practitioner 30 (0/");
    expect(answer.length * 2).toBeLessThanOrEqual(TEAMS_MESSAGE_LIMIT_BYTES);
  });
});
