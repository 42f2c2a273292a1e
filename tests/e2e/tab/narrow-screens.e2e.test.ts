import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TestBrowser } from "../../support/browser.js";
import { eventually, type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 17 §2, end to end: the Outlook task pane at its real width (320 px), the tab on Teams mobile (375 px), its
 * configuration page (375 px) and the meeting side panel (320 px), in light and dark themes, with data loaded and
 * forms open: nothing scrolls sideways, no control is cut off at the right edge, and tables become stacked rows. Screenshots in tests/artifacts/narrow/ (git-ignored).
 */
const RUN_TIMEOUT_MS = 600_000;
const UI_TIMEOUT_MS = 30_000;
const ADMIN = "demo-admin";
const THEMES = ["light", "dark"];
const VIEWS = [
  "triage",
  "agenda/screening",
  "agenda/maam",
  "pre-allocation",
  "my-cases",
  "team",
  "compliance",
  "settings",
  "accessibility",
  "search/FC-2026",
];
const PANE_MESSAGE_ID = "<narrow-pane@nhs.example>";

/** What sticks out past the right edge of the viewport: the page's overflow, and any control cut off. */
const overflow = (page: Page) =>
  page.locator("html").evaluate((root) => {
    const width = root.clientWidth;
    const controls = [...root.querySelectorAll("button, input, select, textarea, a, summary, [role=tab]")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    return { scrollWidth: root.scrollWidth, width, clipped: controls };
  });

describe("narrow screens: the Outlook pane at 320 px and the tab at 375 px", () => {
  let session: TabSession | undefined;
  let stack: LocalStack;
  let browser: TestBrowser;
  let page: Page;
  let caseId = "";

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "ENarrow", UI_TIMEOUT_MS);
    ({ stack, browser, page } = session);
    await stack.sendFixture("front-door-conflicting-referrers.eml");
    await stack.sendFixture("eha-school-nurse.eml", (raw) =>
      raw.replace(/^Message-ID: .*$/m, `Message-ID: ${PANE_MESSAGE_ID}`),
    );
    caseId = await eventually(async () => {
      const { items } = await stack.service.store.worklists.list("awaiting-screening");
      expect(items.length).toBeGreaterThanOrEqual(1);
      return items[0]?.caseId ?? "";
    });
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  const settle = async () => {
    await page
      .getByRole("progressbar")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
  };

  it(
    "the tab at 375 px: no sideways scrolling or clipped control on any view, in light and dark",
    async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      const found: string[] = [];
      for (const theme of THEMES) {
        for (const view of [...VIEWS, `case/${caseId}`]) {
          const as = view === "settings" ? ADMIN : DEMO_MANAGER;
          await page.goto(`${stack.service.url}/tab/?as=${as}&theme=${theme}#/${view}`);
          await page.locator("h2").first().waitFor();
          await settle();
          const closed = page.locator("details:not([open]) > summary");
          for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
          await settle();
          const { scrollWidth, width, clipped } = await overflow(page);
          if (scrollWidth > width) found.push(`${view} (${theme}) is ${scrollWidth} px wide in ${width} px`);
          for (const control of clipped) found.push(`${view} (${theme}) cuts off ${control}`);
          const name = view.startsWith("case/") ? "case" : view.replace("/", "-");
          await browser.screenshot(page, `narrow/tab-375-${name}-${theme}`);
        }
      }
      expect(found).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "the configuration page at 375 px and the meeting side panel at 320 px: no sideways scrolling or clipped control",
    async () => {
      const found: string[] = [];
      const places = [
        { name: "configure-375", width: 375, path: "#/configure", heading: "h2" },
        // Teams gives a meeting's side panel 320 px; `frame=sidePanel` opens it outside Teams.
        { name: "side-panel-320", width: 320, path: "&frame=sidePanel#/agenda/screening", heading: "h2" },
      ];
      for (const theme of THEMES) {
        for (const place of places) {
          await page.setViewportSize({ width: place.width, height: 700 });
          await page.goto(`${stack.service.url}/tab/?as=${DEMO_MANAGER}&theme=${theme}${place.path}`);
          await page.locator(place.heading).first().waitFor();
          await settle();
          const { scrollWidth, width, clipped } = await overflow(page);
          if (scrollWidth > width) found.push(`${place.name} (${theme}) is ${scrollWidth} px wide in ${width} px`);
          for (const control of clipped) found.push(`${place.name} (${theme}) cuts off ${control}`);
          await browser.screenshot(page, `narrow/${place.name}-${theme}`);
        }
      }
      expect(found).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "tables become stacked rows, each value under its column's name",
    async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${stack.service.url}/tab/?as=${DEMO_MANAGER}&theme=light#/triage`);
      const table = page.getByRole("table", { name: /New contacts/ });
      const cell = table.locator("tbody td").nth(1);
      await cell.waitFor();
      expect(await cell.evaluate((td) => td.ownerDocument.defaultView?.getComputedStyle(td).display)).toBe("block");
      expect(await cell.getAttribute("data-label")).toBe("Received");
      // Stacked for the eye only: the table is still a table, with its column headers, to a screen reader.
      expect(await table.getByRole("columnheader").count()).toBe(5);

      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await cell.evaluate((td) => td.ownerDocument.defaultView?.getComputedStyle(td).display)).toBe(
        "table-cell",
      );
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "the Outlook pane at 320 px: no sideways scrolling or clipped control, in light and dark",
    async () => {
      await page.setViewportSize({ width: 320, height: 700 });
      const found: string[] = [];
      for (const theme of THEMES) {
        const query = new URLSearchParams({ internetMessageId: PANE_MESSAGE_ID, as: DEMO_MANAGER, theme });
        await page.goto(`${stack.service.url}/tab/outlook.html?${query.toString()}`);
        await page.getByText(/^This email (was|has|is)/).waitFor();
        await settle();
        const { scrollWidth, width, clipped } = await overflow(page);
        if (scrollWidth > width) found.push(`Outlook pane (${theme}) is ${scrollWidth} px wide in ${width} px`);
        for (const control of clipped) found.push(`Outlook pane (${theme}) cuts off ${control}`);
        await browser.screenshot(page, `narrow/outlook-320-${theme}`);
      }
      expect(found).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
