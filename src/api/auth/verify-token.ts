import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import {
  badSignature,
  invalidToken,
  tokenExpired,
  unknownClient,
  wrongAudience,
  wrongIssuer,
  wrongScope,
  wrongTenant,
  type ApiError,
} from "../errors.js";

/** The delegated scope the API exposes; a token without it was not issued for calling this API as the user. */
export const API_SCOPE = "access_as_user";

/**
 * The Microsoft clients pre-authorised for the API's scope (Teams desktop, mobile and web; the Microsoft 365 app;
 * Outlook desktop, web and mobile): the `azp` of a token TeamsJS `getAuthToken` or Office.js obtained.
 */
export const PRE_AUTHORISED_CLIENTS: readonly string[] = [
  "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
  "4765445b-32c6-49b0-83e6-1d93765276ca",
  "0ec893e0-5785-4de6-99da-4ed124e5296c",
  "d3590ed6-52b3-4102-aeff-aad2292ab01c",
  "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
  "27922004-5251-4030-b22d-91ecd9a37ea4",
];

/**
 * What a token must satisfy: signed by one of `keys`, for one of `audiences`, from `tenantId`'s issuers, with an
 * expiry, the API's scope, and obtained by one of `clients`.
 */
export interface TokenPolicy {
  readonly keys: JWTVerifyGetKey;
  readonly tenantId: string;
  /** `api://<host>/<clientId>` and/or the client id itself (v2 tokens carry the client id). */
  readonly audiences: readonly string[];
  /** Defaults to Entra's v2 and v1 issuers for the tenant. */
  readonly issuers?: readonly string[];
  readonly clockToleranceSeconds: number;
  /**
   * Who may have obtained the token (`azp`, or `appid` in a v1 token): the pre-authorised Microsoft clients, and
   * the app itself (nested app authentication gets the token as the tab's own registration).
   */
  readonly clients: readonly string[];
}

export interface TokenUser {
  /** Entra object id: the Staff table's key. */
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
}

export const entraIssuers = (tenantId: string): string[] => [
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
  `https://sts.windows.net/${tenantId}/`,
];

export const entraJwksUrl = (tenantId: string): URL =>
  new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`);

function refusalOf(error: unknown): ApiError {
  if (error instanceof errors.JWTExpired) return tokenExpired();
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return badSignature();
  }
  return invalidToken();
}

const audiencesOf = (payload: JWTPayload): string[] =>
  payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];

const scopesOf = (payload: JWTPayload): string[] => (typeof payload.scp === "string" ? payload.scp.split(" ") : []);

/**
 * Checks a bearer token as Entra issues it for the tab (nested app authentication, or TeamsJS `getAuthToken` and
 * Office.js where a host lacks it): signature against the tenant's keys, `exp` required and `nbf` with a small
 * skew, then tenant, issuer, audience, the API's scope and the client that obtained it, each refused with its
 * own code.
 */
export async function verifyToken(token: string, policy: TokenPolicy, now: Date): Promise<TokenUser> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, policy.keys, {
      currentDate: now,
      clockTolerance: policy.clockToleranceSeconds,
      algorithms: ["RS256"],
      requiredClaims: ["exp"],
    }));
  } catch (error) {
    throw refusalOf(error);
  }
  const tid = typeof payload.tid === "string" ? payload.tid : undefined;
  if (tid !== policy.tenantId) throw wrongTenant();
  if (!(policy.issuers ?? entraIssuers(policy.tenantId)).includes(payload.iss ?? "")) throw wrongIssuer();
  if (!audiencesOf(payload).some((a) => policy.audiences.includes(a))) throw wrongAudience();
  if (!scopesOf(payload).includes(API_SCOPE)) throw wrongScope();
  const client = payload.azp ?? payload.appid;
  if (typeof client !== "string" || !policy.clients.includes(client)) throw unknownClient();
  const oid = typeof payload.oid === "string" ? payload.oid : undefined;
  if (oid === undefined) throw invalidToken();
  return { oid, tid, ...(typeof payload.name === "string" ? { name: payload.name } : {}) };
}
