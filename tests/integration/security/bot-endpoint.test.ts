import { generateKeyPair, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aCase } from "../../../dev/builders/case-builder.js";
import {
  botAdded,
  cardAction,
  installed,
  message,
  post,
  withTenant,
  type Place,
  type Sender,
} from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "../bot/bot-harness.js";
import {
  BOT_APP_ID,
  channelTokens,
  productionAuth,
  TENANT_ID,
  type ChannelTokens,
} from "../../support/channel-tokens.js";

// The bot in production lets in only what the Teams channel sends: the Bot Framework's token (never an Entra
// "emulator" token, whatever its audience), for this bot, naming the activity's serviceUrl, which must be a Teams
// Bot Connector (or a configured one), about an activity in the council's tenant. Here the test plays the Bot
// Framework's signing key, and the fake Bot Connector on 127.0.0.1 is configured as allowed unless a test says not.

const attacker: Sender = { id: "29:attacker", aadObjectId: "aad-attacker", name: "Attacker" };
const panelChat: Place = { type: "groupChat", id: "19:panel@thread.v2" };
const personal: Place = { type: "personal", id: "a:x" };
const CASE = "FC-2026-000101";

let h: BotHarness;
let tokens: ChannelTokens;
const refusals = () =>
  h.logLines
    .map((l) => JSON.parse(l) as { event?: string; code?: string })
    .filter((l) => l.event === "bot.activity-refused")
    .map((l) => l.code);

async function start(hosts: readonly string[] = ["127.0.0.1"]) {
  tokens = await channelTokens();
  h = await startBotHarness({ auth: productionAuth(tokens, hosts), now: "2026-01-13T10:30:00Z" });
  await h.addStaff({ id: attacker.aadObjectId, displayName: "On the list", email: "x@x.example", roles: ["manager"] });
  await h.addCase(aCase().withId(CASE).receivedAt("2026-01-12T09:00:00Z").build());
}

const decide = (serviceUrl = h.connector.serviceUrl) =>
  withTenant(
    cardAction(serviceUrl, attacker, panelChat, "screening.decide", {
      caseId: CASE,
      [`${CASE}~outcome`]: "maam",
      [`${CASE}~note`]: "Forged.",
    }),
    TENANT_ID,
  );
const eventsOnCase = async () => (await h.store.cases.getCase(CASE)).case.events.map((e) => e.type);
/** Nothing ran: no reply, no decision, no conversation reference planted. */
async function expectNothingRan() {
  expect(h.connector.calls).toEqual([]);
  expect(await eventsOnCase()).not.toContain("screening.decided");
  expect(await h.store.conversations.list()).toEqual([]);
}

afterEach(async () => h.close());

describe("the bot endpoint in production configuration", () => {
  beforeEach(() => start());

  it("refuses an unauthenticated panel decision (Action.Execute) and records nothing", async () => {
    expect((await post(h.messagesUrl, decide())).status).toBe(401);
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.NO_TOKEN"]);
  });

  it("refuses an unauthenticated install, so no conversation reference (and serviceUrl) can be planted", async () => {
    const plantedUrl = "https://attacker.example/";
    expect((await post(h.messagesUrl, installed(plantedUrl, attacker, personal))).status).toBe(401);
    expect((await post(h.messagesUrl, botAdded(plantedUrl, attacker, panelChat))).status).toBe(401);
    await expectNothingRan();
  });

  it("refuses an emulator-style token: issued by the tenant's Entra ID for the bot's app id, not by the channel", async () => {
    const token = await tokens.sign(h.connector.serviceUrl, {
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      appid: BOT_APP_ID,
      tid: TENANT_ID,
    });
    expect((await post(h.messagesUrl, decide(), `Bearer ${token}`)).status).toBe(401);
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.NOT_A_CHANNEL_TOKEN"]);
  });

  it("refuses a channel token issued for another audience (another bot, or Microsoft Graph)", async () => {
    for (const aud of ["11111111-1111-1111-1111-111111111111", "https://graph.microsoft.com"]) {
      const token = await tokens.sign(h.connector.serviceUrl, { aud });
      expect((await post(h.messagesUrl, decide(), `Bearer ${token}`)).status).toBe(401);
    }
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.WRONG_AUDIENCE", "BOT.WRONG_AUDIENCE"]);
  });

  it("refuses a token without an expiry, and an expired one", async () => {
    const noExpiry = await tokens.sign(h.connector.serviceUrl, { exp: undefined });
    const expired = await tokens.sign(h.connector.serviceUrl, {}, new Date("2026-01-13T08:00:00Z"));
    expect((await post(h.messagesUrl, decide(), `Bearer ${noExpiry}`)).status).toBe(401);
    expect((await post(h.messagesUrl, decide(), `Bearer ${expired}`)).status).toBe(401);
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.TOKEN_INVALID", "BOT.TOKEN_EXPIRED"]);
  });

  it("refuses another tenant's activity, even with a genuine channel token", async () => {
    const token = await tokens.sign(h.connector.serviceUrl);
    const foreign = withTenant(decide(), "99999999-9999-9999-9999-999999999999");
    expect((await post(h.messagesUrl, foreign, `Bearer ${token}`)).status).toBe(403);
    const noTenant = { ...decide(), conversation: { ...decide().conversation, tenantId: undefined }, channelData: {} };
    expect((await post(h.messagesUrl, noTenant, `Bearer ${token}`)).status).toBe(403);
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.WRONG_TENANT", "BOT.WRONG_TENANT"]);
  });

  it("refuses an activity whose serviceUrl is not the one its token was issued for", async () => {
    const token = await tokens.sign("https://smba.trafficmanager.net/uk/");
    expect((await post(h.messagesUrl, decide(), `Bearer ${token}`)).status).toBe(403);
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.SERVICE_URL_MISMATCH"]);
  });

  it("refuses a well-formed bearer token signed by a key that is not the Bot Framework's", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ serviceurl: h.connector.serviceUrl })
      .setProtectedHeader({ alg: "RS256", kid: "bf-test" })
      .setIssuer("https://api.botframework.com")
      .setAudience(BOT_APP_ID)
      .setIssuedAt(new Date("2026-01-13T10:29:00Z"))
      .setExpirationTime(new Date("2026-01-13T11:00:00Z"))
      .sign(privateKey);
    expect((await post(h.messagesUrl, decide(), `Bearer ${forged}`)).status).toBe(401);
    await expectNothingRan();
    expect(refusals()).toEqual(["BOT.TOKEN_INVALID"]);
  });
});

describe("the serviceUrl allow-list", () => {
  it("refuses a genuine channel token's activity whose serviceUrl is not a Teams Bot Connector", async () => {
    await start(["smba.trafficmanager.net"]); // the fake connector's 127.0.0.1 is not allowed
    const token = await tokens.sign(h.connector.serviceUrl);
    expect((await post(h.messagesUrl, decide(), `Bearer ${token}`)).status).toBe(400);
    await expectNothingRan();
    expect(refusals()).toEqual([]); // let in by the gate, stopped by the adapter's host allow-list
  });

  it("in local mode, answers only activities whose serviceUrl is on this machine", async () => {
    h = await startBotHarness({ auth: { mode: "local" }, everyoneHasEveryRole: true });
    const { status } = await post(h.messagesUrl, message("https://attacker.example/", attacker, personal, "help"));
    expect(status).toBe(400);
    expect(h.connector.calls).toEqual([]);
    expect(await h.store.conversations.list()).toEqual([]);
    expect((await post(h.messagesUrl, message(h.connector.serviceUrl, attacker, personal, "help"))).status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
  });
});
