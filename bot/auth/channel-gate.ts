import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";

/** The Bot Framework channel's token issuer (Teams → Azure Bot Service → us); no other issuer is a channel. */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
/** Where the Bot Framework publishes the keys it signs channel tokens with (its OpenID metadata's `jwks_uri`). */
export const BOT_FRAMEWORK_JWKS_URL = new URL("https://login.botframework.com/v1/.well-known/keys");

/** Teams' Bot Connector hosts (public cloud, GCC, GCC High, DoD): replies and proactive posts go only there. */
export const TEAMS_SERVICE_HOSTS: readonly string[] = [
  "smba.trafficmanager.net",
  "smba.infra.gcc.teams.microsoft.com",
  "smba.infra.gov.teams.microsoft.us",
  "smba.infra.dod.teams.microsoft.us",
];

/** What an activity must satisfy to be let in, in production. */
export interface ChannelPolicy {
  /** The Bot Framework's signing keys (fetched from `BOT_FRAMEWORK_JWKS_URL` in production). */
  readonly keys: JWTVerifyGetKey;
  /** The bot's own app id: the only audience a channel token for us carries. */
  readonly appId: string;
  /** The council's tenant: activities from any other tenant are refused. */
  readonly tenantId: string;
  readonly clockToleranceSeconds: number;
}

/** Why an activity was refused; the code is logged, the status answered. */
export type ChannelRefusalCode =
  | "BOT.NO_TOKEN"
  | "BOT.TOKEN_INVALID"
  | "BOT.NOT_A_CHANNEL_TOKEN"
  | "BOT.WRONG_AUDIENCE"
  | "BOT.TOKEN_EXPIRED"
  | "BOT.SERVICE_URL_MISMATCH"
  | "BOT.WRONG_TENANT";

export interface ChannelRefusal {
  readonly admitted: false;
  readonly status: 401 | 403;
  readonly code: ChannelRefusalCode;
}

export type Admission = { readonly admitted: true; readonly claims: JWTPayload } | ChannelRefusal;

interface ActivityFacts {
  readonly serviceUrl?: unknown;
  readonly conversation?: { readonly tenantId?: unknown };
  readonly channelData?: { readonly tenant?: { readonly id?: unknown } };
}

/** 401: not the channel's token; 403: the channel's token, about something it may not send us. */
const refuse = (code: ChannelRefusalCode): ChannelRefusal => ({
  admitted: false,
  status: code === "BOT.SERVICE_URL_MISMATCH" || code === "BOT.WRONG_TENANT" ? 403 : 401,
  code,
});
const sameUrl = (a: string, b: string) => a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

function tokenRefusal(error: unknown): ChannelRefusal {
  if (error instanceof errors.JWTExpired) return refuse("BOT.TOKEN_EXPIRED");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return refuse("BOT.NOT_A_CHANNEL_TOKEN");
    if (error.claim === "aud") return refuse("BOT.WRONG_AUDIENCE");
  }
  return refuse("BOT.TOKEN_INVALID");
}

/** The tenant Teams says the activity comes from (`conversation.tenantId`, or `channelData.tenant.id`). */
export function tenantOf(activity: ActivityFacts): string | undefined {
  const id = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  return typeof id === "string" ? id : undefined;
}

/**
 * Lets in only what the Teams channel sent: a token the Bot Framework signed (issuer `api.botframework.com`, never
 * an Entra "emulator" token), for this bot, unexpired, naming the same `serviceUrl` as the activity, about an
 * activity in the council's tenant. The serviceUrl's host is checked against the allow-list by the adapter.
 */
export async function admitActivity(
  policy: ChannelPolicy,
  authorization: string | undefined,
  activity: ActivityFacts,
  now: Date,
): Promise<Admission> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (token === undefined) return refuse("BOT.NO_TOKEN");
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, policy.keys, {
      issuer: BOT_FRAMEWORK_ISSUER,
      audience: policy.appId,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "serviceurl"],
      currentDate: now,
      clockTolerance: policy.clockToleranceSeconds,
    }));
  } catch (error) {
    return tokenRefusal(error);
  }
  const claimed = claims["serviceurl"];
  if (
    typeof activity.serviceUrl !== "string" ||
    typeof claimed !== "string" ||
    !sameUrl(claimed, activity.serviceUrl)
  ) {
    return refuse("BOT.SERVICE_URL_MISMATCH");
  }
  if (tenantOf(activity)?.toLowerCase() !== policy.tenantId.toLowerCase()) {
    return refuse("BOT.WRONG_TENANT");
  }
  return { admitted: true, claims };
}
