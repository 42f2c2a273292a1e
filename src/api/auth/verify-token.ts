import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import {
  badSignature,
  invalidToken,
  tokenExpired,
  wrongAudience,
  wrongIssuer,
  wrongTenant,
  type ApiError,
} from "../errors.js";

/** What a token must satisfy: signed by one of `keys`, for one of `audiences`, from `tenantId`'s issuers. */
export interface TokenPolicy {
  readonly keys: JWTVerifyGetKey;
  readonly tenantId: string;
  /** `api://<host>/<clientId>` and/or the client id itself (v2 tokens carry the client id). */
  readonly audiences: readonly string[];
  /** Defaults to Entra's v2 and v1 issuers for the tenant. */
  readonly issuers?: readonly string[];
  readonly clockToleranceSeconds: number;
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

/**
 * Checks a bearer token as Entra issues it for the tab (teams-js `getAuthToken`): signature against the tenant's
 * keys, `exp`/`nbf` with a small skew, then tenant, issuer and audience, each refused with its own code.
 */
export async function verifyToken(token: string, policy: TokenPolicy, now: Date): Promise<TokenUser> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, policy.keys, {
      currentDate: now,
      clockTolerance: policy.clockToleranceSeconds,
      algorithms: ["RS256"],
    }));
  } catch (error) {
    throw refusalOf(error);
  }
  const tid = typeof payload.tid === "string" ? payload.tid : undefined;
  if (tid !== policy.tenantId) throw wrongTenant();
  if (!(policy.issuers ?? entraIssuers(policy.tenantId)).includes(payload.iss ?? "")) throw wrongIssuer();
  if (!audiencesOf(payload).some((a) => policy.audiences.includes(a))) throw wrongAudience();
  const oid = typeof payload.oid === "string" ? payload.oid : undefined;
  if (oid === undefined) throw invalidToken();
  return { oid, tid, ...(typeof payload.name === "string" ? { name: payload.name } : {}) };
}
