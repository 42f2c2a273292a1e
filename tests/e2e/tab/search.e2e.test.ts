import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TestBrowser } from "../../support/browser.js";
import { eventually, type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 17 §3, end to end: a referral sent over SMTP is found from the tab's one search box by its reference, its
 * referrer's email and name, and its subject's words, with its state and RAG; a practitioner who does not hold the
 * case finds nothing (need to know).
 */
const RUN_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 30_000;

describe("searching cases from the tab", () => {
  let session: TabSession | undefined;
  let stack: LocalStack;
  let browser: TestBrowser;
  let page: Page;
  let caseId = "";

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "ESearch", UI_TIMEOUT_MS);
    ({ stack, browser, page } = session);
    await stack.sendFixture("eha-school-nurse.eml");
    caseId = await eventually(async () => {
      const { items } = await stack.service.store.worklists.list("awaiting-screening");
      expect(items).toHaveLength(1);
      return items[0]?.caseId ?? "";
    });
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  const search = async (words: string, as = DEMO_MANAGER) => {
    await page.goto(`${stack.service.url}/tab/?as=${as}#/my-cases`);
    const box = page.getByRole("search", { name: "Search cases" });
    await box.getByRole("searchbox").fill(words);
    await box.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { level: 2, name: `Search: ${words}` }).waitFor();
    await page
      .getByRole("progressbar")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
  };
  const results = () => page.getByRole("table", { name: /Cases found/ });

  it(
    "finds the case by reference, referrer email, referrer name and subject words, with its state and RAG",
    async () => {
      for (const [words, foundIn] of [
        [caseId, "Case reference"],
        ["priya.raman@nhs.example", "Referrer"],
        ["Priya Raman", "Referrer"],
        ["Oakfield assessment", "Subject"],
      ] as const) {
        await search(words);
        const row = results().getByRole("row").filter({ hasText: caseId });
        await row.waitFor();
        expect(await row.textContent(), words).toContain("is awaiting screening");
        expect(await row.textContent(), words).toMatch(/Red: overdue|Amber: due soon|Green: on track/);
        expect(await row.textContent(), words).toContain(foundIn);
      }
      await page.getByRole("link", { name: caseId }).click();
      await page.getByRole("heading", { level: 2, name: `Case ${caseId}` }).waitFor();
      await browser.screenshot(page, "tab/search-opened-case");
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "finds nothing for a practitioner who does not hold the case",
    async () => {
      await search("priya.raman@nhs.example", "demo-practitioner-ft");
      expect(await page.getByText("No case you may see matches “priya.raman@nhs.example”.").count()).toBe(1);
    },
    RUN_TIMEOUT_MS,
  );
});
