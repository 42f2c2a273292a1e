import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/compose/config.js";

/** A complete production configuration (placeholders), for tests that change one setting of it. */
const PRODUCTION = {
  FC_MODE: "production",
  FC_TENANT_ID: "8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b",
  FC_CLIENT_ID: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  FC_CLIENT_SECRET: "a-key-vault-reference",
  FC_BOT_APP_ID: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
  FC_BOT_APP_PASSWORD: "another-key-vault-reference",
  FC_STORAGE_ACCOUNT_URL: "https://fcstorage.table.core.windows.net",
  FC_AUDIT_BLOB_ACCOUNT_URL: "https://fcstorage.blob.core.windows.net",
  FC_PUBLIC_BASE_URL: "https://fc.council.example",
  FC_NOTIFICATION_CLIENT_STATE: "x".repeat(20),
} as const;

/** Local mode, as `npm start` asks for it. */
const local = (env: Record<string, string> = {}) => loadConfig({ FC_MODE: "local", ...env });

describe("configuration", () => {
  it("runs with FC_MODE=local alone, on the embedded local defaults", () => {
    const config = local();
    expect(config.mode).toBe("local");
    expect(config.http).toEqual({
      host: "127.0.0.1",
      port: 3978,
      publicBaseUrl: "http://127.0.0.1:3978",
      rateLimits: { apiPerMinute: 600, botPerMinute: 120 },
    });
    expect(config.graph.baseUrl).toBe("http://127.0.0.1:4000/v1.0");
    expect(config.centres[0].mailbox.address).toBe("familycentre@council.example");
    expect(config.centres[0].mailbox.earlyHelpDesk).toEqual(["earlyhelpdesk@council.example"]);
    expect(config.centres[0].practice).toMatchObject({ profileId: "family-solutions", timeZone: "Europe/London" });
  });

  it("lets every local default be overridden", () => {
    const config = local({
      FC_PORT: "4100",
      FC_MAILBOX: "Hub@Council.Example",
      FC_CLOSURE_DAYS: "2026-12-29, 2026-12-30",
    });
    expect(config.http.port).toBe(4100);
    expect(config.centres[0].mailbox.address).toBe("hub@council.example");
    expect(config.centres[0].practice.closureDays).toEqual(["2026-12-29", "2026-12-30"]);
  });

  it("names this process in job leases by host and port, the same after a restart, unless FC_INSTANCE_ID says", () => {
    const first = local({ FC_PORT: "4100" }).instanceId;
    expect(first).toMatch(/:4100$/);
    expect(local({ FC_PORT: "4100" }).instanceId).toBe(first);
    expect(local({ FC_PORT: "4101" }).instanceId).not.toBe(first);
    expect(local({ FC_INSTANCE_ID: "app-service-instance-7" }).instanceId).toBe("app-service-instance-7");
  });

  it("issue 19: reads 1 MB of a body's HTML and 256 KB of its text unless told, and names a limit it cannot use", () => {
    expect(local().centres[0].mailbox.bodyLimits).toEqual({ maxHtmlChars: 1_048_576, maxTextChars: 262_144 });
    expect(local({ FC_MAX_TEXT_BODY_CHARS: "65536" }).centres[0].mailbox.bodyLimits.maxTextChars).toBe(65_536);
    expect(() => local({ FC_MAX_HTML_BODY_CHARS: "100" })).toThrow(/FC_MAX_HTML_BODY_CHARS/);
  });

  it("tells an admin exactly which production settings are missing", () => {
    let error: unknown;
    try {
      loadConfig({
        FC_MODE: "production",
        FC_PUBLIC_BASE_URL: "http://fc.example",
        FC_NOTIFICATION_CLIENT_STATE: "x".repeat(20),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain("FC_TENANT_ID: required: the Microsoft Entra tenant id");
    expect(message).toContain("FC_CLIENT_ID");
    expect(message).toContain("FC_BOT_APP_ID: required");
    expect(message).toContain("FC_STORAGE_ACCOUNT_URL");
    expect(message).toContain("FC_PUBLIC_BASE_URL: Graph only notifies https:// endpoints");
  });

  it("lists every missing production setting at once, including the notification endpoint and its secret", () => {
    expect(() => loadConfig({ FC_MODE: "production" })).toThrow(
      /FC_PUBLIC_BASE_URL: required[\s\S]*FC_NOTIFICATION_CLIENT_STATE: required[\s\S]*FC_TENANT_ID: required/,
    );
  });

  it("asks for the blob endpoint of the access audit beside a storage account URL", () => {
    const { FC_AUDIT_BLOB_ACCOUNT_URL: _blob, ...withoutBlob } = PRODUCTION;
    expect(() => loadConfig(withoutBlob)).toThrow(
      /FC_AUDIT_BLOB_ACCOUNT_URL: required: the storage account's blob endpoint/,
    );
    expect(loadConfig(PRODUCTION).storage.auditBlobAccountUrl).toBe("https://fcstorage.blob.core.windows.net");
  });

  it("reaches the access audit locally through Azurite's blob endpoint by default", () => {
    expect(loadConfig({ FC_MODE: "local" }).storage.connectionString).toContain(
      "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
    );
  });

  it("refuses the Azurite development account in production", () => {
    expect(() =>
      loadConfig({
        FC_MODE: "production",
        FC_TENANT_ID: "8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b",
        FC_USE_MANAGED_IDENTITY: "true",
        FC_BOT_APP_ID: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
        FC_STORAGE_CONNECTION_STRING: "AccountName=devstoreaccount1;AccountKey=x",
        FC_PUBLIC_BASE_URL: "https://fc.council.example",
        FC_NOTIFICATION_CLIENT_STATE: "x".repeat(20),
      }),
    ).toThrow(/Azurite development account must not be used in production/);
  });

  it("turns telemetry on only when Application Insights' connection string is set, and checks its shape", () => {
    expect(local().telemetry).toBeUndefined();
    const connectionString = "InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://x/";
    expect(local({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }).telemetry).toEqual({
      connectionString,
    });
    expect(() => local({ APPLICATIONINSIGHTS_CONNECTION_STRING: "https://x/" })).toThrow(
      /APPLICATIONINSIGHTS_CONNECTION_STRING: use the Application Insights resource's connection string/,
    );
  });

  it("names the Teams app links into the tab go through: FC_TEAMS_APP_ID, else the bot's id, else none", () => {
    const bot = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    const app = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    expect(local().teams).toBeUndefined();
    expect(loadConfig({ ...PRODUCTION, FC_BOT_APP_ID: bot }).teams).toEqual({ appId: bot });
    expect(loadConfig({ ...PRODUCTION, FC_BOT_APP_ID: bot, FC_TEAMS_APP_ID: app }).teams).toEqual({ appId: app });
    expect(() => local({ FC_TEAMS_APP_ID: "my-app" })).toThrow(/FC_TEAMS_APP_ID/);
  });

  it("issue 15: refuses one app registration for the bot and for mail and the API, so a token for one is never taken for the other", () => {
    expect(() => loadConfig({ ...PRODUCTION, FC_BOT_APP_ID: PRODUCTION.FC_CLIENT_ID })).toThrow(
      /FC_BOT_APP_ID: the bot needs its own app registration/,
    );
  });

  it("reads the mail settings of issue 20, naming a malformed one", () => {
    const defaults = local().centres[0].mailbox;
    expect(defaults).toMatchObject({ letterInTransitMinutes: 15, acknowledgeWithinHours: 96 });
    expect(defaults.intakeFrom).toBeUndefined();
    expect(defaults.junkMail).toBe("sweep");
    expect(local({ FC_JUNK_MAIL: "leave" }).centres[0].mailbox.junkMail).toBe("leave");
    expect(() => local({ FC_JUNK_MAIL: "watch" })).toThrow(/FC_JUNK_MAIL/);
    const set = local({
      FC_INTAKE_FROM: "2027-01-04T09:00:00+00:00",
      FC_ACK_MAX_AGE_HOURS: "48",
      FC_LETTER_IN_TRANSIT_MINUTES: "30",
    }).centres[0].mailbox;
    expect(set).toMatchObject({
      intakeFrom: "2027-01-04T09:00:00.000Z",
      acknowledgeWithinHours: 48,
      letterInTransitMinutes: 30,
    });
    expect(() => local({ FC_INTAKE_FROM: "4 January" })).toThrow(/FC_INTAKE_FROM/);
    expect(() => local({ FC_LETTER_IN_TRANSIT_MINUTES: "1" })).toThrow(/FC_LETTER_IN_TRANSIT_MINUTES/);
  });

  it("rejects a malformed working-hours setting with the format to use", () => {
    expect(() => local({ FC_WORKING_HOURS_START: "9am" })).toThrow(/FC_WORKING_HOURS_START: use 24-hour HH:MM/);
  });

  it("needs FC_MODE outside npm start, npm test and npm run playground, and never guesses it", () => {
    expect(() => loadConfig({})).toThrow(/FC_MODE: required: production/);
    expect(() => loadConfig({ npm_lifecycle_event: "fc" })).toThrow(/FC_MODE: required/);
    for (const script of ["start", "test", "playground"]) {
      expect(loadConfig({ npm_lifecycle_event: script }).mode).toBe("local");
    }
    expect(() => loadConfig({ FC_MODE: "staging" })).toThrow(/FC_MODE/);
  });
});

describe("issue 17 §4 the demo centre (FC_DEMO)", () => {
  it("is off unless asked for; FC_DEMO=on seeds in local mode only, and production refuses it", () => {
    expect(local().demo).toBe(false);
    expect(local({ FC_DEMO: "on" }).demo).toBe(true);
    expect(local({ FC_DEMO: "off" }).demo).toBe(false);
    expect(() => local({ FC_DEMO: "yes" })).toThrow(/FC_DEMO/);
    expect(() => loadConfig({ ...PRODUCTION, FC_DEMO: "on" })).toThrow(
      /FC_DEMO: the demo centre is for local mode only/,
    );
    expect(loadConfig(PRODUCTION).demo).toBe(false);
  });
});
