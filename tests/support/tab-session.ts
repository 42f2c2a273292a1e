import type { Page } from "playwright-core";
import { expect } from "vitest";
import { launchBrowser, type TestBrowser } from "./browser.js";
import { eventually, startLocalStack, type LocalStack } from "./local-stack.js";

/** Local mode's demo manager, whom the bot seeds as it starts (the tab's user switcher lists whoever is there). */
export const DEMO_MANAGER = "demo-manager";

export interface TabSession {
  readonly stack: LocalStack;
  readonly browser: TestBrowser;
  readonly page: Page;
  close(): Promise<void>;
}

/** The tab's e2e set-up: local mode with its demo team seeded, and one headless Chromium page. */
export async function openTabSession(
  azuriteConnectionString: string,
  tablePrefix: string,
  uiTimeoutMs: number,
  options: Parameters<typeof startLocalStack>[2] = {},
): Promise<TabSession> {
  const stack = await startLocalStack(azuriteConnectionString, tablePrefix, options);
  await eventually(async () => expect(await stack.service.store.staff.get(DEMO_MANAGER)).toBeDefined());
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(uiTimeoutMs);
  return {
    stack,
    browser,
    page,
    async close() {
      await browser.close();
      await stack.close();
    },
  };
}
