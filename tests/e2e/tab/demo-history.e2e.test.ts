import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DemoHistorySummary } from "../../../src/compose/local-mode/demo-history.js";
import { axeCheck } from "../../support/axe-pass.js";
import { type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 17 §4, end to end: local mode with FC_DEMO=on (as `npm start` runs it) seeds the made-up centre's three
 * months in the background, and the manager's compliance view and its chart show that history.
 */
const RUN_TIMEOUT_MS = 420_000;
const UI_TIMEOUT_MS = 30_000;

describe("the demo centre's history in the tab", () => {
  let session: TabSession | undefined;
  let stack: LocalStack;
  let page: Page;
  let summary: DemoHistorySummary | undefined;

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "EDemo", UI_TIMEOUT_MS, { demo: true });
    ({ stack, page } = session);
    summary = await stack.service.demo?.done;
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  it(
    "seeds about 150 contacts once, and the compliance view's table and chart show three months of them",
    async () => {
      expect(summary?.seeded).toBe(true);
      expect(summary?.contacts).toBeGreaterThanOrEqual(140);
      const today = new Date();
      const from = new Date(today.getTime() - 92 * 24 * 3_600_000).toISOString().slice(0, 10);
      await page.goto(`${stack.service.url}/tab/?as=${DEMO_MANAGER}#/compliance`);
      await page.getByRole("heading", { level: 2, name: "Compliance" }).waitFor();
      await page.getByRole("textbox", { name: "From" }).fill(from);
      const table = page.getByRole("table", { name: new RegExp(`On time and late per rule, ${from}`) });
      await table.waitFor();
      const rows = (await table.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t"));
      const onTime = rows.reduce((sum, cells) => sum + Number(cells[2]), 0);
      const late = rows.reduce((sum, cells) => sum + Number(cells[3]) + Number(cells[5]), 0);
      expect(onTime).toBeGreaterThan(50);
      expect(late).toBeGreaterThan(0);
      await expect(page.getByText("No reasons have been recorded in this period.").count()).resolves.toBe(0);

      const chart = page.locator("figure").filter({ hasText: "On time per rule (target" });
      await chart.waitFor();
      expect(await chart.locator("svg rect").count()).toBeGreaterThan(3);
      await expect(page.getByText("No clock was due in this period").count()).resolves.toBe(0);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "shows the monthly trend per rule over the three months, chart and table, with no WCAG A/AA violation in any theme",
    async () => {
      const from = new Date(Date.now() - 92 * 24 * 3_600_000).toISOString().slice(0, 10);
      for (const theme of ["light", "dark", "contrast"]) {
        await page.goto(`${stack.service.url}/tab/?as=${DEMO_MANAGER}&theme=${theme}#/compliance`);
        await page.getByRole("heading", { level: 2, name: "Compliance" }).waitFor();
        await page.getByRole("textbox", { name: "From" }).fill(from);
        const trend = page.getByRole("table", { name: /On time per rule by month/ });
        await trend.waitFor();
        const months = await trend.getByRole("columnheader").allInnerTexts();
        expect(months.length).toBeGreaterThanOrEqual(4); // the rule, and three or four months
        const cells = await trend.locator("tbody td").allInnerTexts();
        expect(cells.filter((c) => /^\d+% \(\d+ of \d+\)$/.test(c)).length).toBeGreaterThan(5);
        const chart = page.locator("figure").filter({ hasText: "On time per rule by month" });
        expect(await chart.locator("svg path").count()).toBeGreaterThan(1);
        const axe = await axeCheck(page, "compliance, three months of demo history", theme);
        expect(axe.violations).toEqual([]);
      }
    },
    RUN_TIMEOUT_MS,
  );
});
