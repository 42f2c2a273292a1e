import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp } from "../../../src/compose/http-app.js";

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(tabDirs: string[]): Promise<string> {
  const app = createHttpApp({ routers: [], tabDirs });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}

function aBuiltTab(): string {
  const dir = mkdtempSync(join(tmpdir(), "tab-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Family Centre</title>");
  writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log(1)");
  return dir;
}

describe("the tab served under /tab/", () => {
  it("serves the page revalidated every time, so a deploy shows at once", async () => {
    const base = await serve([aBuiltTab()]);
    const response = await fetch(`${base}/tab/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Family Centre");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("caches hashed assets for a year", async () => {
    const base = await serve([aBuiltTab()]);
    const response = await fetch(`${base}/tab/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("lets Teams, Outlook and the Microsoft 365 app frame it, and nobody else", async () => {
    const base = await serve([aBuiltTab()]);
    const csp = (await fetch(`${base}/tab/`)).headers.get("content-security-policy") ?? "";
    const ancestors = /frame-ancestors ([^;]+);/.exec(csp)?.[1]?.split(" ") ?? [];
    expect(ancestors).toEqual(
      expect.arrayContaining([
        "'self'",
        "https://teams.microsoft.com",
        "https://*.teams.microsoft.com",
        "https://*.cloud.microsoft",
        "https://*.office.com",
        "https://outlook.office.com",
        "https://outlook.office365.com",
      ]),
    );
    expect(ancestors).not.toContain("*");
  });

  it("answers 503 saying how to build it when the tab has not been built", async () => {
    const base = await serve([join(tmpdir(), "no-such-tab-build")]);
    const response = await fetch(`${base}/tab/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:tab");
  });
});
