import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyToken, type TokenPolicy } from "../../../src/api/auth/verify-token.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
const OTHER_TENANT = "99999999-2222-3333-4444-555555555555";
const CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const AUDIENCE = `api://familycentre.council.example/${CLIENT_ID}`;
const NOW = new Date("2026-03-02T10:00:00Z");
/** Teams web, one of the pre-authorised Microsoft clients. */
const TEAMS_WEB = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

let tenantKey: CryptoKey;
let strangerKey: CryptoKey;
let policy: TokenPolicy;

beforeAll(async () => {
  const tenant = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  tenantKey = tenant.privateKey;
  strangerKey = stranger.privateKey;
  const jwk: JWK = { ...(await exportJWK(tenant.publicKey)), kid: "tenant-key", alg: "RS256" };
  policy = {
    keys: createLocalJWKSet({ keys: [jwk] }),
    tenantId: TENANT,
    audiences: [AUDIENCE, CLIENT_ID],
    clockToleranceSeconds: 60,
    clients: [TEAMS_WEB, CLIENT_ID],
  };
});

interface Claims {
  tid?: string;
  iss?: string;
  aud?: string;
  oid?: string;
  exp?: Date | null;
  key?: CryptoKey;
  scp?: string | null;
  azp?: string | null;
  appid?: string;
}

/** A token as Entra issues it for the tab, with one thing changed per test. */
function token(claims: Claims = {}): Promise<string> {
  const tid = claims.tid ?? TENANT;
  const scp = claims.scp === null ? {} : { scp: claims.scp ?? "access_as_user" };
  const azp = claims.azp === null ? {} : { azp: claims.azp ?? TEAMS_WEB };
  const appid = claims.appid === undefined ? {} : { appid: claims.appid };
  const jwt = new SignJWT({ tid, oid: claims.oid ?? "staff-oid-1", name: "Sam Duty", ...scp, ...azp, ...appid })
    .setProtectedHeader({ alg: "RS256", kid: "tenant-key" })
    .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt(seconds(NOW) - 600)
    .setNotBefore(seconds(NOW) - 600);
  if (claims.exp !== null) jwt.setExpirationTime(seconds(claims.exp ?? new Date(NOW.getTime() + 3_600_000)));
  return jwt.sign(claims.key ?? tenantKey);
}

describe("the tab's sign-in token (Entra, teams-js getAuthToken)", () => {
  it("accepts a token of the tenant for this app and names the user by object id", async () => {
    await expect(verifyToken(await token(), policy, NOW)).resolves.toEqual({
      oid: "staff-oid-1",
      tid: TENANT,
      name: "Sam Duty",
    });
  });

  it("accepts the v1 issuer and the bare client id as audience", async () => {
    const v1 = await token({ iss: `https://sts.windows.net/${TENANT}/`, aud: CLIENT_ID });
    await expect(verifyToken(v1, policy, NOW)).resolves.toMatchObject({ oid: "staff-oid-1" });
  });

  it("refuses an expired token, beyond the allowed clock skew", async () => {
    const expired = await token({ exp: new Date(NOW.getTime() - 61_000) });
    await expect(verifyToken(expired, policy, NOW)).rejects.toMatchObject({ code: "AUTH.EXPIRED", status: 401 });
  });

  it("tolerates a token that expired within the clock skew", async () => {
    const justExpired = await token({ exp: new Date(NOW.getTime() - 30_000) });
    await expect(verifyToken(justExpired, policy, NOW)).resolves.toMatchObject({ oid: "staff-oid-1" });
  });

  it("refuses a token issued for another application", async () => {
    const other = await token({ aud: "api://elsewhere.example/another-app" });
    await expect(verifyToken(other, policy, NOW)).rejects.toMatchObject({ code: "AUTH.WRONG_AUDIENCE", status: 401 });
  });

  it("refuses a token from another organisation's tenant", async () => {
    const foreign = await token({ tid: OTHER_TENANT });
    await expect(verifyToken(foreign, policy, NOW)).rejects.toMatchObject({ code: "AUTH.WRONG_TENANT", status: 401 });
  });

  it("refuses a token of the tenant that some other issuer signed for", async () => {
    const forged = await token({ iss: "https://issuer.example/" });
    await expect(verifyToken(forged, policy, NOW)).rejects.toMatchObject({ code: "AUTH.WRONG_ISSUER" });
  });

  it("refuses a token signed with a key that is not the tenant's", async () => {
    const forged = await token({ key: strangerKey });
    await expect(verifyToken(forged, policy, NOW)).rejects.toMatchObject({ code: "AUTH.BAD_SIGNATURE", status: 401 });
  });

  it("refuses something that is not a token at all", async () => {
    await expect(verifyToken("not-a-jwt", policy, NOW)).rejects.toMatchObject({ code: "AUTH.INVALID_TOKEN" });
  });

  it("refuses a token without an expiry", async () => {
    const forever = await token({ exp: null });
    await expect(verifyToken(forever, policy, NOW)).rejects.toMatchObject({ code: "AUTH.INVALID_TOKEN", status: 401 });
  });

  it("refuses a token without the API's access_as_user scope (an app-only token, or another scope)", async () => {
    for (const scp of [null, "User.Read", "access_as_user_not"]) {
      await expect(verifyToken(await token({ scp }), policy, NOW)).rejects.toMatchObject({ code: "AUTH.WRONG_SCOPE" });
    }
    await expect(verifyToken(await token({ scp: "User.Read access_as_user" }), policy, NOW)).resolves.toBeTruthy();
  });

  it("accepts a token obtained by a pre-authorised client or the app itself (nested app authentication), no other", async () => {
    await expect(verifyToken(await token({ azp: CLIENT_ID }), policy, NOW)).resolves.toBeTruthy();
    const v1 = await token({ azp: null, appid: TEAMS_WEB, iss: `https://sts.windows.net/${TENANT}/` });
    await expect(verifyToken(v1, policy, NOW)).resolves.toBeTruthy();
    for (const azp of [null, "11111111-1111-1111-1111-111111111111"]) {
      await expect(verifyToken(await token({ azp }), policy, NOW)).rejects.toMatchObject({
        code: "AUTH.UNKNOWN_CLIENT",
      });
    }
  });
});
