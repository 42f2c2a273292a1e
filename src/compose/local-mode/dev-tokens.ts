import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey } from "jose";
import { API_SCOPE, type TokenPolicy } from "../../api/auth/verify-token.js";

/** LOCAL MODE ONLY. Clearly not Entra: `.invalid` can never resolve, so no one mistakes these tokens for real ones. */
export const DEV_TOKEN_ISSUER = "https://local.family-centre.invalid/dev-tokens";
export const DEV_TOKEN_AUDIENCE = "api://local.family-centre.invalid/family-centre";
export const DEV_TENANT_ID = "00000000-0000-0000-0000-000000000000";
/** The client that obtains development tokens: the tab's user switcher. */
const DEV_CLIENT = "local-tab-user-switcher";
const LIFETIME_SECONDS = 8 * 60 * 60;

export interface DevTokens {
  readonly policy: TokenPolicy;
  issue(
    staff: { readonly id: string; readonly displayName: string },
    now: Date,
  ): Promise<{ token: string; expiresAt: string }>;
}

/** A key pair made at start (never stored), tokens signed with it, and the policy that accepts only them. */
export async function createDevTokens(): Promise<DevTokens> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "local-dev", alg: "RS256", use: "sig" };
  const signer: CryptoKey = privateKey;
  return {
    policy: {
      keys: createLocalJWKSet({ keys: [jwk] }),
      tenantId: DEV_TENANT_ID,
      audiences: [DEV_TOKEN_AUDIENCE],
      issuers: [DEV_TOKEN_ISSUER],
      clockToleranceSeconds: 60,
      clients: [DEV_CLIENT],
    },
    async issue(staff, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const claims = { oid: staff.id, tid: DEV_TENANT_ID, name: staff.displayName, scp: API_SCOPE, azp: DEV_CLIENT };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "local-dev" })
        .setIssuer(DEV_TOKEN_ISSUER)
        .setAudience(DEV_TOKEN_AUDIENCE)
        .setSubject(staff.id)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(issuedAt + LIFETIME_SECONDS)
        .sign(signer);
      return { token, expiresAt: new Date((issuedAt + LIFETIME_SECONDS) * 1000).toISOString() };
    },
  };
}
