import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Router } from "express";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp, type HttpAppParts } from "../../../src/compose/http-app.js";

let server: Server | undefined;
afterEach(() => server?.close());

/** The service's HTTP surface around a stand-in route (`GET /api/ping`) and bot handler, with the given limits. */
async function serve(parts: Partial<HttpAppParts> = {}): Promise<string> {
  const tab = mkdtempSync(join(tmpdir(), "tab-"));
  writeFileSync(join(tab, "index.html"), "<!doctype html><title>Family Centre</title>");
  const api = Router().get("/api/ping", (_req, res) => void res.json({ ok: true }));
  const app = createHttpApp({
    routers: [api],
    tabDirs: [tab],
    botHandler: (_req, res) => void res.status(200).end(),
    rateLimits: { apiPerMinute: 3, botPerMinute: 2 },
    ...parts,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}

/** A bearer token naming `oid` (the limiter keys on it; the API verifies it later). */
const tokenFor = (oid: string) =>
  new SignJWT({ oid }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("k".repeat(32)));

const ping = async (base: string, oid: string) =>
  fetch(`${base}/api/ping`, { headers: { Authorization: `Bearer ${await tokenFor(oid)}` } });

const activityFrom = (aadObjectId: string) =>
  JSON.stringify({ type: "message", from: { id: "29:x", aadObjectId }, conversation: { id: "a:1" } });
const postActivity = (base: string, aadObjectId: string) =>
  fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: activityFrom(aadObjectId),
  });

describe("security headers", () => {
  it("gives the tab a real Content-Security-Policy, keeping Teams' and Outlook's frame-ancestors", async () => {
    const base = await serve();
    const csp = (await fetch(`${base}/tab/`)).headers.get("content-security-policy") ?? "";
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("connect-src")).toContain("'self'");
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(
      expect.arrayContaining([
        "https://teams.microsoft.com",
        "https://outlook.office.com",
        "https://*.cloud.microsoft",
      ]),
    );
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("sends nosniff and no referrer everywhere, never X-Powered-By or X-Frame-Options, and no HSTS locally", async () => {
    const base = await serve();
    for (const path of ["/tab/", "/api/ping"]) {
      const headers = (await fetch(`${base}${path}`)).headers;
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("x-powered-by")).toBeNull();
      expect(headers.get("x-frame-options")).toBeNull();
      expect(headers.get("strict-transport-security")).toBeNull();
    }
    expect((await fetch(`${base}/api/ping`)).headers.get("content-security-policy")).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
  });

  it("sends HSTS in production", async () => {
    const base = await serve({ production: true });
    const hsts = (await fetch(`${base}/api/ping`)).headers.get("strict-transport-security");
    expect(hsts).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("rate limits per caller", () => {
  it("answers the API's caller 429 with Retry-After past the limit, and other callers still get in", async () => {
    const base = await serve();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ping(base, "staff-a")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await ping(base, "staff-a");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: "API.RATE_LIMITED", message: expect.any(String) } });
    expect((await ping(base, "staff-b")).status).toBe(200);
  });

  it("answers a Teams user 429 with Retry-After past the bot's limit, and other users still get in", async () => {
    const base = await serve();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postActivity(base, "aad-a")).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number((await postActivity(base, "aad-a")).headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await postActivity(base, "aad-b")).status).toBe(200);
  });
});
