import { describe, expect, it } from "vitest";
import { admitActivity } from "../../../../bot/auth/channel-gate.js";
import { BOT_APP_ID, channelTokens, TENANT_ID } from "../../../support/channel-tokens.js";

const NOW = new Date("2026-01-13T10:30:00Z");
const SERVICE_URL = "https://smba.trafficmanager.net/uk/";
const activity = { serviceUrl: SERVICE_URL, conversation: { tenantId: TENANT_ID } };

describe("admitActivity", () => {
  it("lets in the Teams channel's token for this bot, about an activity in the council's tenant", async () => {
    const tokens = await channelTokens();
    const policy = { keys: tokens.keys, appId: BOT_APP_ID, tenantId: TENANT_ID, clockToleranceSeconds: 300 };
    const admission = await admitActivity(policy, `Bearer ${await tokens.sign(SERVICE_URL)}`, activity, NOW);
    expect(admission).toMatchObject({ admitted: true, claims: { aud: BOT_APP_ID, serviceurl: SERVICE_URL } });
  });

  it("reads the tenant from channelData when the conversation does not carry it", async () => {
    const tokens = await channelTokens();
    const policy = { keys: tokens.keys, appId: BOT_APP_ID, tenantId: TENANT_ID, clockToleranceSeconds: 300 };
    const fromChannelData = { serviceUrl: SERVICE_URL, channelData: { tenant: { id: TENANT_ID } } };
    const token = `Bearer ${await tokens.sign(`${SERVICE_URL}`)}`;
    expect(await admitActivity(policy, token, fromChannelData, NOW)).toMatchObject({ admitted: true });
  });
});
