import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TestBrowser } from "../../support/browser.js";
import { eventually, type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 6, end to end: the service in local mode (stand-in mailbox, real Azurite), the built tab served under
 * /tab/, and a person in headless Chromium. An Early Help Assessment sent over SMTP reaches the triage queue; a
 * screening decision recorded in the tab shows on the case's timeline and in the compliance figures.
 */
const RUN_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 30_000;
/** Local mode's demo staff, as a person trying it would pick them: the manager sees every view but Settings. */
const MANAGER = DEMO_MANAGER;
const ADMIN = "demo-admin";
const VIEWS = [
  "configure",
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
  let session: TabSession | undefined;
  let stack: LocalStack;
  let browser: TestBrowser;
  let page: Page;
  /** The case the first test opens, so that the case page is among the screenshots. */
  let caseId = "FC-2026-000001";

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "ETab", UI_TIMEOUT_MS);
    ({ stack, browser, page } = session);
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  const open = async (view: string, theme = "light", as = view === "settings" ? ADMIN : MANAGER) => {
    await page.goto(`${stack.service.url}/tab/?as=${as}&theme=${theme}#/${view}`);
    await page.locator("h2").first().waitFor();
  };

  /** The compliance table as numbers, by rule id, read as a person reads it. */
  const complianceFigures = async () => {
    await open("compliance");
    const table = page.getByRole("table", { name: /On time and late per rule/ });
    await table.waitFor();
    // A row's innerText separates its cells with tabs.
    const rows = (await table.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t"));
    return new Map(rows.map((cells) => [cells[0]?.split(" ")[0] ?? "", { cancelled: Number(cells[6]) }]));
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
      await expect.poll(() => page.getByText(/Local mode — acting as Demo Manager/).count()).toBe(1);
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
      expect(await decided.textContent()).toContain("Demo Manager");

      await page.getByRole("link", { name: caseId }).first().click();
      const timeline = page.getByRole("list", { name: "Timeline, oldest first" });
      await expect
        .poll(() => timeline.textContent())
        .toMatch(/Screening decision recorded: No further action.*by Demo Manager/);
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

  it("serves every address on the service that the app manifest names: tabs, setup page, Outlook pane, ribbon icons", async () => {
    const template = readFileSync(new URL("../../../manifest/manifest.template.json", import.meta.url), "utf8");
    const addresses = [...new Set(template.match(/\{\{PUBLIC_BASE_URL\}\}[^"]*/g) ?? [])];
    const icons = addresses.filter((a) => a.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const address of addresses) {
      const response = await fetch(address.replace("{{PUBLIC_BASE_URL}}", stack.service.url));
      expect(response.status, address).toBe(200);
      const type = response.headers.get("content-type") ?? "";
      expect(type, address).toMatch(address.endsWith(".png") ? /^image\/png/ : /^text\/html/);
    }
  });

  it(
    "issue 19 §5: lists an email the service ignored on the triage page, by reason and the sender's domain only, and a duty worker logs it after all",
    async () => {
      const before = (await stack.service.store.worklists.list("triage")).items.length;
      await stack.sendFixture("ooo-english.eml");
      await open("triage");
      const setAside = page.getByRole("table", { name: /Emails the service did not log/ });
      await expect
        .poll(() => setAside.getByRole("row", { name: /nhs\.example/ }).count(), { timeout: UI_TIMEOUT_MS })
        .toBe(1);
      const row = setAside.getByRole("row", { name: /nhs\.example/ });
      expect(await row.innerText()).toContain("Ignored");
      expect(await setAside.innerText()).not.toContain("priya.raman");

      await row.getByRole("button", { name: "Log as a new contact" }).click();
      await eventually(async () => {
        expect((await stack.service.store.worklists.list("triage")).items.length).toBe(before + 1);
      });
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
