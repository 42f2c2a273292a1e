import { describe, expect, it } from "vitest";
import { apiFromConfig } from "../../../src/compose/api-from-config.js";
import { startLocalMode } from "../../../src/compose/local-mode/local-mode.js";
import type { AppDeps } from "../../../src/app/app-deps.js";
import { ConfigError, loadConfig } from "../../../src/compose/config.js";
import { createHttpApp } from "../../../src/compose/http-app.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";

const PRODUCTION = {
  FC_MODE: "production",
  FC_TENANT_ID: "8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b",
  FC_CLIENT_ID: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  FC_CLIENT_SECRET: "a-key-vault-reference",
  FC_BOT_APP_ID: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
  FC_STORAGE_ACCOUNT_URL: "https://fcstorage.table.core.windows.net",
  FC_AUDIT_BLOB_ACCOUNT_URL: "https://fcstorage.blob.core.windows.net",
  FC_PUBLIC_BASE_URL: "https://fc.council.example",
  FC_NOTIFICATION_CLIENT_STATE: "x".repeat(20),
};

/** The API over an in-memory store, as the service composes it from configuration. */
async function apiOf(env: Record<string, string>) {
  const config = loadConfig(env);
  const store = createMemoryStore();
  const app = {
    ...store,
    profile: loadProfile("family-solutions"),
    clock: { now: () => new Date("2026-03-02T10:00:00Z") },
    centre: {
      name: "Family Centre",
      mailbox: "fc@council.example",
      maxAcksPerSenderPerDay: 3,
      letterInTransitMinutes: 15,
      acknowledgeWithinHours: 96,
    },
  } as unknown as AppDeps; // the routes under test read only these
  const local = config.mode === "local" ? await startLocalMode(config, app, silentLogger) : undefined;
  const http = createHttpApp({ routers: [apiFromConfig(config, app, silentLogger, local)] });
  const server = http.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { url, config, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("the API's configuration", () => {
  it("accepts the tab's token audiences from the app registration: api://<host>/<client id> and the client id", () => {
    expect(loadConfig(PRODUCTION).api.audiences).toEqual([
      "api://fc.council.example/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
      "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
    ]);
    expect(loadConfig({ ...PRODUCTION, FC_API_AUDIENCE: "api://tab.example/app, app" }).api.audiences).toEqual([
      "api://tab.example/app",
      "app",
    ]);
  });

  it("asks for FC_API_AUDIENCE in production when there is no client id to derive it from", () => {
    const { FC_CLIENT_ID: _id, FC_CLIENT_SECRET: _secret, ...managed } = PRODUCTION;
    expect(() => loadConfig({ ...managed, FC_USE_MANAGED_IDENTITY: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...managed, FC_USE_MANAGED_IDENTITY: "true" })).toThrow(/FC_API_AUDIENCE: required/);
  });

  it("has no development token routes in production (404), and refuses an unsigned caller (401)", async () => {
    const api = await apiOf(PRODUCTION);
    try {
      const token = await fetch(`${api.url}/api/dev/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ staffId: "demo-manager" }),
      });
      expect(token.status).toBe(404);
      expect((await fetch(`${api.url}/api/dev/users`)).status).toBe(404);
      const me = await fetch(`${api.url}/api/me`);
      expect(me.status).toBe(401);
    } finally {
      await api.close();
    }
  });

  it("offers them in local mode, with tokens labelled by their .invalid issuer", async () => {
    const api = await apiOf({ FC_MODE: "local" });
    try {
      const users = await fetch(`${api.url}/api/dev/users`);
      expect(users.status).toBe(200);
      const body = (await users.json()) as { issuer: string; users: { staffId: string; roles: string[] }[] };
      expect(body.issuer).toBe("https://local.family-centre.invalid/dev-tokens");
      expect(body.users).toContainEqual(expect.objectContaining({ staffId: "demo-admin", roles: ["admin"] }));
    } finally {
      await api.close();
    }
  });

  it("tells the tab how to sign in by nested app authentication in production, and has nothing to say locally", async () => {
    const production = await apiOf(PRODUCTION);
    const local = await apiOf({ FC_MODE: "local" });
    try {
      const signIn = await fetch(`${production.url}/api/sign-in`);
      expect(signIn.status).toBe(200);
      expect(await signIn.json()).toEqual({
        clientId: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
        tenantId: "8a6f1c2e-3b4d-4e5f-9a0b-1c2d3e4f5a6b",
        scope: "api://fc.council.example/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f/access_as_user",
      });
      expect((await fetch(`${local.url}/api/sign-in`)).status).toBe(404);
    } finally {
      await production.close();
      await local.close();
    }
  });
});
