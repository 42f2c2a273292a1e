import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_PATH } from "../../dev/ensure-chromium.js";

/** Screenshots of browser tests (git-ignored), to look at when one fails. */
export const ARTIFACTS = join(import.meta.dirname, "../artifacts");

export interface TestBrowser {
  /** A new tab; console errors and uncaught page errors are collected into `consoleErrors`. */
  newPage(): Promise<Page>;
  /** Saves a full-page screenshot as tests/artifacts/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  /**
   * Abort every request that is not to this machine (fonts and icons from CDNs), so that an offline machine fails
   * them at once instead of waiting on DNS. On by default.
   */
  readonly loopbackOnly?: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Debian's Chromium, headless, through playwright-core (Playwright cannot download its own browser here). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "fc-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  if (options.loopbackOnly ?? true) {
    await context.route(
      (url) => !LOOPBACK.has(url.hostname) && url.protocol !== "data:" && url.protocol !== "blob:",
      (route) => route.abort("internetdisconnected"),
    );
  }
  const consoleErrors: string[] = [];
  return {
    consoleErrors,
    async newPage() {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(error.message));
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
