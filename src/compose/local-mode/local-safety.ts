/**
 * Why local mode (every role for anyone, development tokens, an unauthenticated bot, demo staff) refuses to start
 * here. It is for a developer's own machine only: anything that shows a real deployment stops it.
 */
export interface LocalModeFacts {
  readonly host: string;
  readonly storage: { readonly connectionString?: string; readonly accountUrl?: string };
  /** Names of credential settings present in the environment (never their values). */
  readonly credentials: readonly string[];
  /** The hosting platform the environment shows, if any. */
  readonly platform?: "App Service" | "Container Apps";
}

/** Environment variables App Service and Container Apps set in every app they run. */
export const PLATFORM_MARKERS: Readonly<Record<string, "App Service" | "Container Apps">> = {
  WEBSITE_SITE_NAME: "App Service",
  WEBSITE_INSTANCE_ID: "App Service",
  CONTAINER_APP_NAME: "Container Apps",
  CONTAINER_APP_REVISION: "Container Apps",
};

/** Settings that carry, or give access to, a real identity: the service's own and the Azure SDKs' and Agents SDK's. */
export const CREDENTIAL_SETTING =
  /^(FC_CLIENT_SECRET|FC_BOT_APP_ID|FC_BOT_APP_PASSWORD|FC_USE_MANAGED_IDENTITY|AZURE_CLIENT_SECRET|AZURE_CLIENT_CERTIFICATE_PATH|AZURE_FEDERATED_TOKEN_FILE|MicrosoftAppPassword|MicrosoftAppId|clientSecret|connections__.+__settings__(clientsecret|clientid|certpemfile|federatedclientid))$/i;

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;
const AZURITE_ACCOUNT = /AccountName=devstoreaccount1(;|$)/;
const AZURITE_ENDPOINT = /TableEndpoint=https?:\/\/(127(\.\d{1,3}){3}|localhost|\[::1\])(:\d+)?\//;

/** Each reason local mode may not start here; none means it may. */
export function localModeRefusals(facts: LocalModeFacts): string[] {
  const reasons: string[] = [];
  if (!LOOPBACK.test(facts.host)) {
    reasons.push(`FC_HOST: local mode listens on this machine only (127.0.0.1), not "${facts.host}"`);
  }
  if (facts.storage.accountUrl !== undefined) {
    reasons.push("FC_STORAGE_ACCOUNT_URL: local mode never uses a real storage account; it runs on Azurite");
  }
  const connection = facts.storage.connectionString;
  if (connection !== undefined && !(AZURITE_ACCOUNT.test(connection) && AZURITE_ENDPOINT.test(connection))) {
    reasons.push("FC_STORAGE_CONNECTION_STRING: local mode uses only Azurite's development account on this machine");
  }
  if (facts.credentials.length > 0) {
    reasons.push(`${facts.credentials.join(", ")}: local mode never runs with real credentials present`);
  }
  if (facts.platform !== undefined) {
    reasons.push(`FC_MODE: this environment is ${facts.platform}; set FC_MODE=production there`);
  }
  return reasons;
}
