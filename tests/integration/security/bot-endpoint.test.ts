import { generateKeyPair, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aCase } from "../../../dev/builders/case-builder.js";
import { botAdded, cardAction, installed, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "../bot/bot-harness.js";

// tests/integration/bot/authentication.test.ts already proves a plain message without a token, or with an unsigned
// one, gets 401 in production. These add what an attacker would aim at: a decision, a planted conversation
// reference (proactive nudges would then go to their serviceUrl), and a well-formed token signed by the wrong key.

const BOT_APP_ID = "00000000-0000-0000-0000-00000000b07a";
const TENANT_ID = "00000000-0000-0000-0000-0000000000aa";
const attacker: Sender = { id: "29:attacker", aadObjectId: "aad-attacker", name: "Attacker" };
const panelChat: Place = { type: "groupChat", id: "19:panel@thread.v2" };
const CASE = "FC-2026-000101";

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({
    auth: { mode: "production", appId: BOT_APP_ID, appType: "SingleTenant", tenantId: TENANT_ID, password: "unused" },
    now: "2026-01-13T10:30:00Z",
  });
  await h.addStaff({
    id: attacker.aadObjectId!,
    displayName: "On the list",
    email: "x@x.example",
    roles: ["duty-worker"],
  });
  await h.addCase(aCase().withId(CASE).receivedAt("2026-01-12T09:00:00Z").build());
});

const decide = () =>
  cardAction(h.connector.serviceUrl, attacker, panelChat, "screening.decide", {
    caseId: CASE,
    [`${CASE}~outcome`]: "maam",
    [`${CASE}~note`]: "Forged.",
  });
const eventsOnCase = async () => (await h.store.cases.getCase(CASE)).case.events.map((e) => e.type);
afterEach(async () => h.close());

describe("the bot endpoint in production configuration", () => {
  it("refuses an unauthenticated panel decision (Action.Execute) and records nothing", async () => {
    const before = await eventsOnCase();
    expect((await post(h.messagesUrl, decide())).status).toBe(401);
    expect(h.connector.calls).toEqual([]);
    expect(await eventsOnCase()).toEqual(before);
    expect(before).not.toContain("screening.decided");
  });

  it("refuses an unauthenticated install, so no conversation reference (and serviceUrl) can be planted", async () => {
    const plantedUrl = "https://attacker.example/";
    expect((await post(h.messagesUrl, installed(plantedUrl, attacker, { type: "personal", id: "a:x" }))).status).toBe(
      401,
    );
    expect((await post(h.messagesUrl, botAdded(plantedUrl, attacker, panelChat))).status).toBe(401);
    expect(await h.store.conversations.list()).toEqual([]);
  });

  // Fails closed: 401 where the Bot Framework's keys can be fetched, 500 where they cannot (as on this offline
  // machine); either way the decision is not made.
  it("refuses a decision with a well-formed bearer token signed by a key that is not the Bot Framework's", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ serviceurl: h.connector.serviceUrl, tid: TENANT_ID })
      .setProtectedHeader({ alg: "RS256", kid: "attacker-key" })
      .setIssuer("https://api.botframework.com")
      .setAudience(BOT_APP_ID)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    const { status } = await post(h.messagesUrl, decide(), `Bearer ${forged}`);
    expect([401, 500]).toContain(status);
    expect(h.connector.calls).toEqual([]);
    expect(await eventsOnCase()).not.toContain("screening.decided");
  });
});
