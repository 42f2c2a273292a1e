import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, type TestBrowser } from "../../support/browser.js";
import { eventually, startLocalStack, type LocalStack } from "../../support/local-stack.js";

/**
 * Issue 6, end to end: the service in local mode (stand-in mailbox, real Azurite), the built tab served under
 * /tab/, and a person in headless Chromium. An Early Help Assessment sent over SMTP reaches the triage queue; a
 * screening decision recorded in the tab shows on the case's timeline and in the compliance figures.
 */
const RUN_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 30_000;
/** Local mode's made-up team has no administrator: the test adds one who holds every role. */
const ADMIN = {
  id: "e2e-admin",
  displayName: "Test Administrator",
  email: "admin@familycentre.example",
  roles: ["duty-worker", "panel-member", "practitioner", "manager", "admin"] as const,
};
const VIEWS = [
  "triage",
  "agenda/screening",
  "agenda/maam",
  "pre-allocation",
  "my-cases",
  "team",
  "compliance",
  "settings",
];

describe("the tab in local mode", () => {
  let stack: LocalStack;
  let browser: TestBrowser;
  let page: Page;
  /** The case the first test opens, so that the case page is among the screenshots. */
  let caseId = "FC-2026-000001";

  beforeAll(async () => {
    stack = await startLocalStack(inject("azuriteConnectionString"), "ETab");
    await stack.service.store.staff.put(ADMIN.id, { ...ADMIN, roles: [...ADMIN.roles] });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
  }, RUN_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  }, RUN_TIMEOUT_MS);

  const open = async (view: string, theme = "light") => {
    await page.goto(`${stack.service.url}/tab/?as=${ADMIN.id}&theme=${theme}#/${view}`);
    await page.locator("h2").first().waitFor();
  };

  /** The compliance table as numbers, by rule id, read as a person reads it. */
  const complianceFigures = async () => {
    await open("compliance");
    const table = page.getByRole("table", { name: /On time and late per rule/ });
    await table.waitFor();
    // A row's innerText separates its cells with tabs.
    const rows = (await table.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t"));
    return new Map(rows.map((cells) => [cells[0]?.split(" ")[0] ?? "", { cancelled: Number(cells[5]) }]));
  };

  it(
    "shows an emailed contact in the triage queue, records its screening decision, and shows it on the case and in compliance",
    async () => {
      // A Front Door form naming two possible referrers: the duty worker must confirm one, so it is in triage.
      await stack.sendFixture("front-door-conflicting-referrers.eml");
      caseId = await eventually(async () => {
        const { items } = await stack.service.store.worklists.list("triage");
        expect(items).toHaveLength(1);
        return items[0]?.caseId ?? "";
      });

      await open("triage");
      await expect.poll(() => page.getByText(/Local mode — acting as Test Administrator/).count()).toBe(1);
      const triage = page.getByRole("table", { name: /New contacts/ });
      await expect.poll(() => triage.getByRole("link", { name: caseId }).count()).toBe(1);

      const before = await complianceFigures();
      await open("triage");

      await page.getByRole("tab", { name: "Daily screening" }).click();
      const decision = page.getByRole("form", { name: `Decision for ${caseId}` });
      await decision.getByRole("radio", { name: "No further action" }).check();
      await decision.getByRole("textbox", { name: /Note/ }).fill("Needs are met by the school; no service from us.");
      await decision.getByRole("button", { name: "Record decision" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain(`Decision recorded for ${caseId}`);
      const decided = page.getByRole("table", { name: "Decisions made today" });
      await expect.poll(() => decided.textContent()).toContain(caseId);
      expect(await decided.textContent()).toContain("Test Administrator");

      await page.getByRole("link", { name: caseId }).first().click();
      const timeline = page.getByRole("list", { name: "Timeline, oldest first" });
      await expect.poll(() => timeline.textContent()).toMatch(/Screening decid.*by Test Administrator/);
      expect(await timeline.textContent()).toContain("Needs are met by the school; no service from us.");

      // Screening away from MAAM cancels rule 1.1's clock: the month's figures count it.
      const after = await complianceFigures();
      expect(after.get("1.1")?.cancelled).toBe((before.get("1.1")?.cancelled ?? 0) + 1);

      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "renders every view in light and dark theme without console errors (screenshots in tests/artifacts/tab/)",
    async () => {
      for (const theme of ["light", "dark"]) {
        for (const view of [...VIEWS, `case/${caseId}`]) {
          await open(view, theme);
          await page
            .getByRole("progressbar")
            .waitFor({ state: "detached" })
            .catch(() => undefined);
          expect(await page.getByRole("alert").count(), `${view} (${theme}) shows an error`).toBe(0);
          await browser.screenshot(page, `tab/${view.replace("/", "-")}-${theme}`);
        }
      }
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
