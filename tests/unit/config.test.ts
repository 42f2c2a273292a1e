import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/compose/config.js";

describe("configuration", () => {
  it("runs with no settings at all in local mode, on the embedded local defaults", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("local");
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3978, publicBaseUrl: "http://127.0.0.1:3978" });
    expect(config.graph.baseUrl).toBe("http://127.0.0.1:4000/v1.0");
    expect(config.mailbox.address).toBe("familycentre@council.example");
    expect(config.mailbox.earlyHelpDesk).toEqual(["earlyhelpdesk@council.example"]);
    expect(config.practice).toMatchObject({ profileId: "family-solutions", timeZone: "Europe/London" });
  });

  it("lets every local default be overridden", () => {
    const config = loadConfig({
      FC_PORT: "4100",
      FC_MAILBOX: "Hub@Council.Example",
      FC_CLOSURE_DAYS: "2026-12-29, 2026-12-30",
    });
    expect(config.http.port).toBe(4100);
    expect(config.mailbox.address).toBe("hub@council.example");
    expect(config.practice.closureDays).toEqual(["2026-12-29", "2026-12-30"]);
  });

  it("names this process in job leases by host and port, the same after a restart, unless FC_INSTANCE_ID says", () => {
    const first = loadConfig({ FC_PORT: "4100" }).instanceId;
    expect(first).toMatch(/:4100$/);
    expect(loadConfig({ FC_PORT: "4100" }).instanceId).toBe(first);
    expect(loadConfig({ FC_PORT: "4101" }).instanceId).not.toBe(first);
    expect(loadConfig({ FC_INSTANCE_ID: "app-service-instance-7" }).instanceId).toBe("app-service-instance-7");
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
    expect(loadConfig({}).telemetry).toBeUndefined();
    const connectionString = "InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://x/";
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }).telemetry).toEqual({
      connectionString,
    });
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: "https://x/" })).toThrow(
      /APPLICATIONINSIGHTS_CONNECTION_STRING: use the Application Insights resource's connection string/,
    );
  });

  it("names the Teams app links into the tab go through: FC_TEAMS_APP_ID, else the bot's id, else none", () => {
    const bot = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    const app = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    expect(loadConfig({}).teams).toBeUndefined();
    expect(loadConfig({ FC_BOT_APP_ID: bot }).teams).toEqual({ appId: bot });
    expect(loadConfig({ FC_BOT_APP_ID: bot, FC_TEAMS_APP_ID: app }).teams).toEqual({ appId: app });
    expect(() => loadConfig({ FC_TEAMS_APP_ID: "my-app" })).toThrow(/FC_TEAMS_APP_ID/);
  });

  it("reads the mail settings of issue 20, naming a malformed one", () => {
    const defaults = loadConfig({}).mailbox;
    expect(defaults).toMatchObject({ letterInTransitMinutes: 15, acknowledgeWithinHours: 96 });
    expect(defaults.intakeFrom).toBeUndefined();
    expect(defaults.junkMail).toBe("sweep");
    expect(loadConfig({ FC_JUNK_MAIL: "leave" }).mailbox.junkMail).toBe("leave");
    expect(() => loadConfig({ FC_JUNK_MAIL: "watch" })).toThrow(/FC_JUNK_MAIL/);
    const set = loadConfig({
      FC_INTAKE_FROM: "2027-01-04T09:00:00+00:00",
      FC_ACK_MAX_AGE_HOURS: "48",
      FC_LETTER_IN_TRANSIT_MINUTES: "30",
    }).mailbox;
    expect(set).toMatchObject({
      intakeFrom: "2027-01-04T09:00:00.000Z",
      acknowledgeWithinHours: 48,
      letterInTransitMinutes: 30,
    });
    expect(() => loadConfig({ FC_INTAKE_FROM: "4 January" })).toThrow(/FC_INTAKE_FROM/);
    expect(() => loadConfig({ FC_LETTER_IN_TRANSIT_MINUTES: "1" })).toThrow(/FC_LETTER_IN_TRANSIT_MINUTES/);
  });

  it("rejects a malformed working-hours setting with the format to use", () => {
    expect(() => loadConfig({ FC_WORKING_HOURS_START: "9am" })).toThrow(/FC_WORKING_HOURS_START: use 24-hour HH:MM/);
  });
});
