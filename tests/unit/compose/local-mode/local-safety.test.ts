import { describe, expect, it } from "vitest";
import { AZURITE_DEV_CONNECTION_STRING } from "../../../../src/compose/config-schema.js";
import { ConfigError, loadConfig } from "../../../../src/compose/config.js";

/** What local mode says when it refuses to start (every reason), or [] when it starts. */
function refusalsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ FC_MODE: "local", ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe("local mode starts only on a developer's machine", () => {
  it("starts on the loopback, on Azurite, with no credentials and no hosting platform", () => {
    expect(refusalsOf({})).toEqual([]);
    expect(refusalsOf({ FC_HOST: "::1" })).toEqual([]);
    const azuriteOnAnotherPort = AZURITE_DEV_CONNECTION_STRING.replace(":10002", ":51234");
    expect(refusalsOf({ FC_STORAGE_CONNECTION_STRING: azuriteOnAnotherPort })).toEqual([]);
  });

  it("refuses a non-loopback host", () => {
    expect(refusalsOf({ FC_HOST: "0.0.0.0" })).toEqual([
      'local mode refused: FC_HOST: local mode listens on this machine only (127.0.0.1), not "0.0.0.0"',
    ]);
    expect(refusalsOf({ FC_HOST: "10.0.0.4" })).toHaveLength(1);
  });

  it("refuses a real storage account, by account URL or by connection string", () => {
    expect(refusalsOf({ FC_STORAGE_ACCOUNT_URL: "https://fcstorage.table.core.windows.net" })).toEqual([
      "local mode refused: FC_STORAGE_ACCOUNT_URL: local mode never uses a real storage account; it runs on Azurite",
    ]);
    const real = "DefaultEndpointsProtocol=https;AccountName=fcstorage;AccountKey=abc;EndpointSuffix=core.windows.net";
    expect(refusalsOf({ FC_STORAGE_CONNECTION_STRING: real })).toEqual([
      expect.stringMatching(/^local mode refused: FC_STORAGE_CONNECTION_STRING: local mode uses only Azurite/),
    ]);
    const azuriteAccountElsewhere = AZURITE_DEV_CONNECTION_STRING.replace("127.0.0.1", "storage.example");
    expect(refusalsOf({ FC_STORAGE_CONNECTION_STRING: azuriteAccountElsewhere })).toHaveLength(1);
  });

  it("refuses when real credentials are present, naming the settings and never their values", () => {
    const problems = refusalsOf({
      FC_CLIENT_SECRET: "s3cr3t-value",
      FC_BOT_APP_ID: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
      FC_BOT_APP_PASSWORD: "another-value",
      connections__serviceConnection__settings__clientSecret: "third-value",
      AZURE_CLIENT_SECRET: "fourth-value",
    });
    expect(problems).toEqual([
      "local mode refused: FC_CLIENT_SECRET, FC_BOT_APP_ID, FC_BOT_APP_PASSWORD, connections__serviceConnection__settings__clientSecret, AZURE_CLIENT_SECRET: local mode never runs with real credentials present",
    ]);
    expect(refusalsOf({ FC_USE_MANAGED_IDENTITY: "true" })).toHaveLength(1);
    expect(refusalsOf({ FC_USE_MANAGED_IDENTITY: "false" })).toEqual([]);
  });

  it("refuses where the environment shows App Service or Container Apps", () => {
    expect(refusalsOf({ WEBSITE_SITE_NAME: "fc-front-door" })).toEqual([
      "local mode refused: FC_MODE: this environment is App Service; set FC_MODE=production there",
    ]);
    expect(refusalsOf({ CONTAINER_APP_NAME: "fc-front-door" })).toEqual([
      "local mode refused: FC_MODE: this environment is Container Apps; set FC_MODE=production there",
    ]);
  });

  it("refuses under npm start too, where FC_MODE is taken as local", () => {
    expect(() => loadConfig({ npm_lifecycle_event: "start", WEBSITE_INSTANCE_ID: "abc" })).toThrow(/App Service/);
  });
});
