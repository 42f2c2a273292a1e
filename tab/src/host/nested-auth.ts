import type { SignInConfig } from "../../../src/api/contract.js";
import type { TokenSource } from "../api/http-client.js";

/** The service's sign-in settings for nested app authentication; undefined where it has none (local mode). */
export async function fetchSignInConfig(
  baseUrl = "",
  fetchImpl: typeof fetch = fetch,
): Promise<SignInConfig | undefined> {
  const response = await fetchImpl(`${baseUrl}/api/sign-in`, { headers: { Accept: "application/json" } });
  return response.ok ? ((await response.json()) as SignInConfig) : undefined;
}

/**
 * A token for the API by nested app authentication (`@azure/msal-browser`'s nestable client: the host signs the
 * person in for the tab's own registration), silently, or with the host's prompt when consent or MFA is needed.
 * Where the host lacks nested app authentication, or the service has no settings for it, the host's older call
 * (TeamsJS `getAuthToken`, Office.js `getAccessToken`) is used as before.
 */
export function nestedOrLegacyToken(
  config: SignInConfig | undefined,
  hostSupportsNaa: boolean,
  legacy: TokenSource,
): TokenSource {
  if (config === undefined || !hostSupportsNaa) return legacy;
  // Loaded only here: hosts without nested app authentication never fetch MSAL.
  const client = import("@azure/msal-browser").then(async (msal) => ({
    msal,
    pca: await msal.createNestablePublicClientApplication({
      auth: { clientId: config.clientId, authority: `https://login.microsoftonline.com/${config.tenantId}` },
    }),
  }));
  return async () => {
    const { msal, pca } = await client;
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    const request = { scopes: [config.scope], ...(account ? { account } : {}) };
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      return (await pca.acquireTokenPopup(request)).accessToken;
    }
  };
}
