import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeCheck } from "../../support/axe-pass.js";
import { eventually, FIXTURES, type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 21 §3 and §4 in Chromium: two demo centres (as FC_LOCAL_CENTRES=2 names them) and the county's shared Front
 * Door address. Someone who works in both switches centre in the tab's header (and the Outlook pane) and sees that
 * centre's work, and the tab remembers the choice; someone in one centre sees no switcher; a duty worker of either
 * centre reads a Front Door email waiting in county triage and sends it to its centre; the county manager's page
 * shows both centres side by side and the county's totals. Within the Outlook pane's 320 px and with no axe
 * violation, and no case opens to a county manager.
 */
const RUN_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 30_000;
const SECOND_MAILBOX = "familycentre2@council.example";
const SECOND_CENTRE_ONLY = "demo-second-centre-manager";
const COUNTY_MANAGER = "demo-county-manager";
const FRONT_DOOR = "frontdoor@council.example";

describe("the tab across centres", () => {
  let session: TabSession | undefined;
  let stack: LocalStack;
  let page: Page;
  let caseId = "";

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "ECentres", UI_TIMEOUT_MS, {
      // As FC_LOCAL_CENTRES=2 names them.
      centres: [
        { id: "main", name: "Family Centre", mailbox: "familycentre@council.example" },
        { id: "centre2", name: "Family Centre 2", mailbox: SECOND_MAILBOX },
      ],
      frontDoor: FRONT_DOOR,
    });
    ({ stack, page } = session);
    const second = stack.service.centres[1];
    await eventually(async () => expect(await second?.store.staff.get(SECOND_CENTRE_ONLY)).toBeDefined());
    // Each mailbox's first round sets its go-live; then a contact reaches the second centre only.
    await stack.service.syncNow();
    await stack.standIn.deliver(readFileSync(join(FIXTURES, "eha-school-nurse.eml")), "inbox", SECOND_MAILBOX);
    caseId = await eventually(async () => {
      await stack.service.syncNow();
      const { items } = (await second?.store.worklists.list("awaiting-screening")) ?? { items: [] };
      expect(items).toHaveLength(1);
      return items[0]?.caseId ?? "";
    });
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  const open = async (view: string, as: string) => {
    await page.goto(`${stack.service.url}/tab/?as=${as}#/${view}`);
    await page.locator("h2").first().waitFor();
  };
  const switcher = () => page.getByRole("combobox", { name: "Family Centre" });
  const caseLink = () => page.getByRole("link", { name: caseId });

  it(
    "switches a person who works in both centres to the other centre's work, and remembers the choice",
    async () => {
      await open("agenda/screening", DEMO_MANAGER);
      await expect.poll(() => switcher().inputValue()).toBe("main");
      await page.getByText("Nothing is waiting for a decision.").waitFor();
      expect(await caseLink().count()).toBe(0);

      await switcher().selectOption("centre2");
      await expect.poll(() => caseLink().count()).toBe(1);

      await page.reload();
      await expect.poll(() => switcher().inputValue()).toBe("centre2");
      await expect.poll(() => caseLink().count()).toBe(1);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "lets the Outlook pane of someone in both centres find an email in the other centre's mailbox",
    async () => {
      const internetMessageId = readFileSync(join(FIXTURES, "eha-school-nurse.eml"), "utf8").match(
        /^Message-ID: (.*)$/m,
      )?.[1];
      const query = new URLSearchParams({ internetMessageId: internetMessageId?.trim() ?? "", as: DEMO_MANAGER });
      await page.goto(`${stack.service.url}/tab/outlook.html?${query.toString()}`);
      await page.getByRole("heading", { name: "This email" }).waitFor();
      await switcher().selectOption("main");
      await page.getByText(/This email is not in .*'s mailbox/).waitFor();
      await switcher().selectOption("centre2");
      await page.getByText("This email was logged as a contact.").waitFor();
      expect(await page.getByRole("link", { name: caseId }).count()).toBe(1);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "shows no switcher to someone who works in one centre",
    async () => {
      await open("agenda/screening", SECOND_CENTRE_ONLY);
      await expect.poll(() => caseLink().count()).toBe(1);
      expect(await switcher().count()).toBe(0);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "lets a duty worker of any centre read a Front Door email waiting in county triage and send it to a centre, within 320 px, accessibly",
    async () => {
      // The desk's form names no postcode or school: the area rule cannot place it.
      await stack.standIn.deliver(readFileSync(join(FIXTURES, "front-door-plain-fields.eml")), "inbox", FRONT_DOOR);
      await stack.service.syncNow();
      await page.setViewportSize({ width: 320, height: 800 });
      // The duty worker's own Triage page says it waits, and leads there.
      await open("triage", SECOND_CENTRE_ONLY);
      await page.getByText(/waiting for a centre to be chosen: 1\./).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.getByRole("link", { name: "Open County triage" }).click();
      const queue = page.getByRole("table", { name: /Front Door emails waiting for a centre/ });
      await expect.poll(() => queue.locator("tbody tr").count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
      expect(await queue.innerText()).toMatch(/Names no postcode or school/);
      // Listed without names; read on request.
      expect(await queue.innerText()).not.toContain("Whitfield");
      await page.getByRole("button", { name: /Read the email received/ }).click();
      await page.getByText("FRONT DOOR CONTACT FORM").waitFor();
      const width = await page.locator("html").evaluate((root) => root.scrollWidth - root.clientWidth);
      expect(width).toBeLessThanOrEqual(0);
      expect((await axeCheck(page, "county-triage", "light")).violations).toEqual([]);

      await page.getByRole("combobox", { name: "Centre" }).selectOption("centre2");
      await page.getByRole("button", { name: "Send to this centre" }).click();
      await page.getByText("No Front Door email is waiting for a centre.").waitFor();
      // Logged at the chosen centre, by its own intake, once.
      const second = stack.service.centres[1];
      await eventually(async () => {
        const { items } = (await second?.store.worklists.list("awaiting-screening")) ?? { items: [] };
        expect(items).toHaveLength(2);
      });
      await page.setViewportSize({ width: 1280, height: 800 });
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "gives the county manager both centres side by side and rolled up, within 320 px, accessibly, and no case",
    async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await open("county", COUNTY_MANAGER);
      const byCentre = page.getByRole("table", { name: /Compliance by centre/ });
      await byCentre.waitFor();
      const rows = (await byCentre.locator("tbody tr").allInnerTexts()).map((row) => row.split(/\t|\n/)[0]);
      expect(rows).toEqual([expect.any(String), "Family Centre 2", "County total"]);
      const caseloads = page.getByRole("table", { name: /Caseloads by centre/ });
      await expect.poll(() => caseloads.locator("tbody tr").count()).toBe(3);

      const width = await page.locator("html").evaluate((root) => root.scrollWidth - root.clientWidth);
      expect(width).toBeLessThanOrEqual(0);
      const axe = await axeCheck(page, "county", "light");
      expect(axe.violations).toEqual([]);

      // Their figures, never a case: no search box, and a case's link is refused.
      expect(await page.getByRole("search", { name: "Search cases" }).count()).toBe(0);
      await open(`case/${encodeURIComponent(caseId)}`, COUNTY_MANAGER);
      await expect.poll(() => page.getByText(/Only a .* can do this/).count()).toBeGreaterThan(0);
      await page.setViewportSize({ width: 1280, height: 800 });
    },
    RUN_TIMEOUT_MS,
  );
});
