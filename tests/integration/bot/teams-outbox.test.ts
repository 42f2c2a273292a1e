import { afterEach, describe, expect, it } from "vitest";
import { adaptiveCard } from "../../../bot/cards/card-json.js";
import { text } from "../../../bot/cards/elements/text.js";
import { startFakeConnector } from "../../../dev/teams/fake-connector.js";
import {
  botRemoved,
  installed,
  message,
  post,
  uninstalled,
  type Place,
  type Sender,
} from "../../../dev/teams/activities.js";
import { CENTRE_SETTINGS_KEY } from "../../../src/app/settings/centre-settings.js";
import type { NewOutboxItem } from "../../../src/ports/outbox.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";

/**
 * Issue 20: a Teams outbox that cannot jam. What Teams will never take (403 `MessageWritesBlocked`, 404, 413) is held
 * with why for a person, never retried blindly; what Teams asks to be retried (412, 429, 502, 504) is, with back-off
 * and jitter; failing older items never hold up newer ones; a conversation the app left is forgotten.
 */
const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
const patChat: Place = { type: "personal", id: "a:personal-pat" };
const dutyChat: Place = { type: "groupChat", id: "19:duty@thread.v2" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };

let h: BotHarness;
afterEach(async () => h.close());

async function setUp(): Promise<BotHarness> {
  h = await startBotHarness({ now: "2026-01-13T10:30:00Z" });
  await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
  await h.addStaff({ id: "aad-pat", displayName: "Pat Practitioner", email: "p@x.example", roles: ["practitioner"] });
  await post(h.messagesUrl, installed(h.connector.serviceUrl, pat, patChat));
  for (const [chat, purpose] of [
    [dutyChat, "duty"],
    [screeningChat, "screening"],
  ] as const) {
    await post(h.messagesUrl, installed(h.connector.serviceUrl, manager, chat));
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, chat, `use this chat for ${purpose}`));
  }
  h.connector.calls.length = 0;
  return h;
}

/** A quarantine notice (the duty chat's plainest card): `reason` is what it shows, so it can be made too large. */
const notice = (n: number, conversation: string, reason = "GRAPH.UNREADABLE"): NewOutboxItem => ({
  caseId: "~quarantine",
  key: `quarantine~m${n}`,
  channel: "teams",
  purpose: "quarantine",
  payload: { conversation, reason, attempts: 5 },
});

async function queue(...items: NewOutboxItem[]): Promise<void> {
  for (const item of items) {
    await h.store.outbox.enqueue(item, h.clock.now());
    h.clock.advance(1000);
  }
}

const stateOf = async (key: string) => h.store.outbox.get("~quarantine", key);
const postedTo = (place: Place) => h.connector.calls.filter((c) => c.conversationId === place.id);

describe("permanent failures are held for a person, with why", () => {
  it("a person who blocked the bot (403 MessageWritesBlocked): held, their reference forgotten, not tried again", async () => {
    await setUp();
    h.connector.block(patChat.id);
    await queue(notice(1, "user~aad-pat"));
    const scheduler = teamsJobs(h);

    await tick(scheduler);
    h.clock.advance(24 * 60 * 60_000);
    await tick(scheduler);

    expect(h.connector.refused.map((r) => [r.status, r.code])).toEqual([[403, "MessageWritesBlocked"]]);
    const held = await stateOf("quarantine~m1");
    expect(held).toMatchObject({ state: "held" });
    expect(held?.failureReason).toContain("403 MessageWritesBlocked");
    expect(held?.failureReason).toContain("Once the person adds the Family Centre app again, it is sent.");
    expect(await h.store.conversations.get("user~aad-pat")).toBeUndefined();

    // Adding the app back releases what waited for them.
    await post(h.messagesUrl, installed(h.connector.serviceUrl, pat, { ...patChat, id: "a:personal-pat-2" }));
    await tick(scheduler);
    expect((await stateOf("quarantine~m1"))?.state).toBe("sent");
  });

  it("a panel chat the bot was removed from: its assignment is cleared, so the next items wait for a manager", async () => {
    await setUp();
    h.connector.block(dutyChat.id);
    await queue(notice(1, "duty"), notice(2, "duty"));

    await tick(teamsJobs(h));

    expect(h.connector.refused).toHaveLength(1);
    expect((await stateOf("quarantine~m1"))?.failureReason).toContain('types "use this chat for duty"');
    expect((await stateOf("quarantine~m2"))?.failureReason).toContain('no Teams chat is chosen for "duty"');
    expect((await h.store.settings.get(CENTRE_SETTINGS_KEY))?.value.chatIds["duty"]).toBeUndefined();
  });

  it("a card too large for a Teams message is held without calling Teams; one Teams refuses with 413 too", async () => {
    await setUp();
    await queue(notice(1, "duty", "x".repeat(30_000)), notice(2, "duty"), notice(3, "duty"));
    h.connector.failNext(1, 413);

    await tick(teamsJobs(h));

    expect((await stateOf("quarantine~m1"))?.failureReason).toContain("a Teams message carries at most 40 KB");
    expect((await stateOf("quarantine~m2"))?.failureReason).toContain("413 MessageSizeTooBig");
    expect((await stateOf("quarantine~m3"))?.state).toBe("sent");
    expect(h.connector.refused.map((r) => r.status)).toEqual([413]);
  });
});

describe("newer items are never starved by failing older ones", () => {
  it("twenty-five older items a blocked chat refuses (more than a round takes) do not stop a newer notice", async () => {
    await setUp();
    h.connector.block(patChat.id);
    await queue(...Array.from({ length: 25 }, (_, n) => notice(n, "user~aad-pat")), notice(99, "duty"));
    const scheduler = teamsJobs(h);

    await tick(scheduler);
    await tick(scheduler);

    expect(postedTo(dutyChat)).toHaveLength(1);
    expect((await stateOf("quarantine~m99"))?.state).toBe("sent");
    expect(h.connector.refused).toHaveLength(1); // its reference forgotten, the other 24 wait without a call
    expect(await h.store.outbox.listHeld("teams", "user~aad-pat", 50)).toHaveLength(25);
  });

  it("an item Teams keeps failing (412) is put back behind newer ones with a growing back-off, then held", async () => {
    await setUp();
    h.connector.keepFailing(screeningChat.id, 412);
    await queue(notice(1, "screening"));
    const scheduler = teamsJobs(h);
    const waits: number[] = [];
    for (let round = 0; round < 10; round++) {
      await tick(scheduler);
      const item = await stateOf("quarantine~m1");
      if (item?.state !== "pending") break;
      waits.push(Date.parse(item.retryAt ?? "") - h.clock.now().getTime());
      await queue(notice(100 + round, "duty"));
      h.clock.set(item.retryAt ?? "");
    }
    // Each newer notice went out in the round after it was queued, whatever the first one was doing.
    expect(postedTo(dutyChat)).toHaveLength(7);
    expect(waits).toHaveLength(7);
    expect(waits.every((wait, i) => i === 0 || wait > waits[i - 1]!)).toBe(true);
    const held = await stateOf("quarantine~m1");
    expect(held?.state).toBe("held");
    expect(held?.failureReason).toContain("did not take it after 8 tries");
  });
});

describe("what Teams asks to be retried is retried at once, with back-off and jitter", () => {
  // 502 and 504 too (tests/unit/bot/proactive/rate-limiter.test.ts); the Agents SDK's connector client retries none itself.
  it("412: tried again after 1 s, 2 s… (a random half to whole of each), and posted once", async () => {
    await setUp();
    h.pacing.jitter = 0.5;
    h.connector.failNext(2, 412);
    await h.bot.notifier.post("duty", { ...adaptiveCard([text("A notice")]) });
    expect(h.pacing.slept).toEqual([750, 1500]);
    expect(postedTo(dutyChat)).toHaveLength(1);
  });
});

describe("the app removed, the bot leaving, and references kept current", () => {
  it("the app uninstalled from a chat: its reference and its assignment go; what comes next waits for a manager", async () => {
    await setUp();
    await post(h.messagesUrl, uninstalled(h.connector.serviceUrl, manager, screeningChat));

    expect(await h.store.conversations.get(`chat~${screeningChat.id}`)).toBeUndefined();
    expect((await h.store.settings.get(CENTRE_SETTINGS_KEY))?.value.chatIds["screening"]).toBeUndefined();
    await expect(h.bot.notifier.post("screening", { ...adaptiveCard([text("x")]) })).rejects.toMatchObject({
      code: "BOT.CONVERSATION_UNKNOWN",
    });
  });

  it("the bot removed from a group chat: the same", async () => {
    await setUp();
    await post(h.messagesUrl, botRemoved(h.connector.serviceUrl, manager, dutyChat));

    expect(await h.store.conversations.get(`chat~${dutyChat.id}`)).toBeUndefined();
    expect((await h.store.settings.get(CENTRE_SETTINGS_KEY))?.value.chatIds["duty"]).toBeUndefined();
  });

  it("a person uninstalling the app forgets their personal chat", async () => {
    await setUp();
    await post(h.messagesUrl, uninstalled(h.connector.serviceUrl, pat, patChat));
    expect(await h.store.conversations.get("user~aad-pat")).toBeUndefined();
  });

  it("an activity from a conversation Teams did not move writes nothing: the stored reference is the same", async () => {
    await setUp();
    const before = await h.store.conversations.get("user~aad-pat");
    await post(h.messagesUrl, message(h.connector.serviceUrl, pat, patChat, "due", "msg-2"));
    expect((await h.store.conversations.get("user~aad-pat"))?.etag).toBe(before?.etag);
  });

  it("every incoming activity refreshes the stored reference: Teams moved the chat, the next notice follows it", async () => {
    await setUp();
    const moved = await startFakeConnector();
    try {
      await post(h.messagesUrl, message(moved.serviceUrl, pat, patChat, "due"));
      h.connector.calls.length = 0;
      moved.calls.length = 0;
      await h.bot.notifier.post("user~aad-pat", { ...adaptiveCard([text("A nudge")]) });
      expect(moved.calls.map((c) => c.conversationId)).toEqual([patChat.id]);
      expect(h.connector.calls).toEqual([]);
    } finally {
      await moved.close();
    }
  });
});
