import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { BotAuth } from "../../bot/bot-deps.js";
import { BOT_FRAMEWORK_ISSUER } from "../../bot/auth/channel-gate.js";

export const BOT_APP_ID = "00000000-0000-0000-0000-00000000b07a";
export const TENANT_ID = "00000000-0000-0000-0000-0000000000aa";

/** The Bot Framework's signing key as the test plays it: tokens signed with it verify against `keys`. */
export interface ChannelTokens {
  readonly keys: JWTVerifyGetKey;
  /** A token as the Teams channel issues it for the bot, about `serviceUrl`; `claims` override or remove (undefined). */
  sign(serviceUrl: string, claims?: Record<string, unknown>, now?: Date): Promise<string>;
}

export async function channelTokens(): Promise<ChannelTokens> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "bf-test", alg: "RS256", use: "sig" };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    async sign(serviceUrl, claims = {}, now = new Date("2026-01-13T10:30:00Z")) {
      const at = Math.floor(now.getTime() / 1000);
      const payload: JWTPayload = {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: BOT_APP_ID,
        serviceurl: serviceUrl,
        nbf: at - 60,
        iat: at - 60,
        exp: at + 3600,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
      return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: "bf-test" }).sign(privateKey);
    },
  };
}

/** The bot in production, trusting `tokens` as the Bot Framework's keys; `hosts` are allowed Bot Connectors. */
export const productionAuth = (
  tokens: ChannelTokens,
  hosts: readonly string[] = ["smba.trafficmanager.net"],
): Extract<BotAuth, { mode: "production" }> => ({
  mode: "production",
  appId: BOT_APP_ID,
  appType: "SingleTenant",
  tenantId: TENANT_ID,
  password: "unused",
  channelKeys: tokens.keys,
  serviceUrlHosts: hosts,
});
