import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../../bot/bot-adapter.js";
import { startLocalMode } from "../../../src/compose/local-mode/local-mode.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { channelTokens, productionAuth } from "../../support/channel-tokens.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

const someone: Sender = { id: "29:x", aadObjectId: "aad-x", name: "Someone" };
const personal: Place = { type: "personal", id: "a:personal" };

let h: BotHarness;
afterEach(async () => h.close());

describe("who may talk to the bot", () => {
  it("rejects an unauthenticated request in production with 401 and runs nothing", async () => {
    h = await startBotHarness({ auth: productionAuth(await channelTokens()) });
    const { status } = await post(h.messagesUrl, message(h.connector.serviceUrl, someone, personal, "help"));
    expect(status).toBe(401);
    expect(h.connector.calls).toEqual([]);
  });

  it("rejects a forged bearer token in production", async () => {
    h = await startBotHarness({ auth: { ...productionAuth(await channelTokens()), appType: "UserAssignedMSI" } });
    const { status } = await post(
      h.messagesUrl,
      message(h.connector.serviceUrl, someone, personal, "help"),
      "Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.",
    );
    expect(status).toBe(401);
    expect(h.connector.calls).toEqual([]);
  });

  it("says at start-up that local mode accepts unauthenticated requests", async () => {
    h = await startBotHarness({ auth: { mode: "local" } });
    const warning = h.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === "bot.local-mode");
    expect(warning).toMatchObject({ level: "warn" });
    expect(String(warning?.note)).toContain("NOT authenticated");
  });

  it("never starts local mode (every role for anyone, demo staff) outside FC_MODE=local", async () => {
    h = await startBotHarness();
    await expect(startLocalMode({ mode: "production" }, h.deps.app, silentLogger)).rejects.toThrow(
      /never runs in production/,
    );
    expect(await h.store.staff.list()).toEqual([]);
  });

  it("refuses production without an app id", async () => {
    h = await startBotHarness();
    const production = { ...h.deps, auth: { ...productionAuth(await channelTokens()), appId: " " } };
    expect(() => createBot(production)).toThrow(/needs its Microsoft App ID/);
  });
});

describe("local mode's demo team", () => {
  it("lets any user act with every role and seeds a demo team once", async () => {
    h = await startBotHarness({ everyoneHasEveryRole: true });
    await startLocalMode({ mode: "local" }, h.deps.app, silentLogger);
    await startLocalMode({ mode: "local" }, h.deps.app, silentLogger);
    const manager: Sender = { id: "29:p", aadObjectId: "aad-playground", name: "Playground User" };
    const chat: Place = { type: "groupChat", id: "19:panel@thread.v2" };
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, chat, "use this chat for maam"));
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, chat, "maam", "msg-2"));
    expect((await h.store.settings.get("centre"))?.value.chatIds).toEqual({ maam: `chat~${chat.id}` });
    const team = (await h.store.staff.list()).map((s) => s.value);
    expect(team.map((m) => m.roles[0]).sort()).toEqual([
      "admin",
      "duty-worker",
      "manager",
      "panel-member",
      "practitioner",
      "practitioner",
    ]);
    expect(
      team
        .map((m) => m.hoursPerWeek)
        .filter((x) => x !== undefined)
        .sort(),
    ).toEqual([22.5, 37]);
  });
});
