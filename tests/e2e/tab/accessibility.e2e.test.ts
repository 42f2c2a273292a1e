import { createRequire } from "node:module";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeCheck, writeAxeSummary, type AxePageResult } from "../../support/axe-pass.js";
import type { TestBrowser } from "../../support/browser.js";
import { eventually, type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 17 §1, end to end: axe-core's WCAG 2.0/2.1/2.2 A and AA rules over every tab view, the setup page, the
 * meeting side panel and the Outlook pane, in Teams' three themes, with contacts loaded and every form open. The
 * summary is written to tests/artifacts/a11y/axe-summary.md. Then three journeys made with the keyboard alone (Tab,
 * arrows, Space and Enter; no mouse): confirming a referrer in triage, a screening decision, and a case note.
 */
const RUN_TIMEOUT_MS = 600_000;
const UI_TIMEOUT_MS = 30_000;
const ADMIN = "demo-admin";
const THEMES = ["light", "dark", "contrast"];
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
  "accessibility",
  "search/FC-2026",
];
const PANE_MESSAGE_ID = "<a11y-pane@nhs.example>";
/** Far more Tab presses than any page needs to reach its control: a trap or a skipped control fails the journey. */
const MAX_TABS = 80;

describe("the tab and the Outlook pane meet WCAG 2.2 AA as axe-core measures it", () => {
  let session: TabSession | undefined;
  let stack: LocalStack;
  let browser: TestBrowser;
  let page: Page;
  let caseId = "";
  /** The Front Door contact whose referrer must be confirmed. */
  let triagedId = "";

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "EAxe", UI_TIMEOUT_MS);
    ({ stack, browser, page } = session);
    // Data loaded: a contact whose referrer must be confirmed (triage's form), a referral awaiting screening.
    await stack.sendFixture("front-door-conflicting-referrers.eml");
    await stack.sendFixture("eha-school-nurse.eml", (raw) =>
      raw.replace(/^Message-ID: .*$/m, `Message-ID: ${PANE_MESSAGE_ID}`),
    );
    // The referral (not the Front Door contact, whose referrer a journey below confirms) is the case decided on.
    caseId = await eventually(async () => {
      const triage = (await stack.service.store.worklists.list("triage")).items.map((i) => i.caseId);
      const { items } = await stack.service.store.worklists.list("awaiting-screening");
      expect(triage).toHaveLength(1);
      expect(items).toHaveLength(2);
      triagedId = triage[0] ?? "";
      return items.find((i) => !triage.includes(i.caseId))?.caseId ?? "";
    });
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  const settle = async () => {
    await page.locator("h2").first().waitFor();
    await page
      .getByRole("progressbar")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
  };

  /** Opens every collapsed form on the page (the case's actions, "Log a contact…"). */
  const openForms = async () => {
    const closed = page.locator("details:not([open]) > summary");
    for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
    await page
      .getByRole("progressbar")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
  };

  /** Presses Tab (from the top of the page) until the control has the focus, as a keyboard user would. */
  const tabTo = async (target: Locator) => {
    await target.waitFor();
    for (let presses = 0; presses < MAX_TABS; presses++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`The keyboard never reached ${target.toString()} in ${MAX_TABS} presses of Tab.`);
  };
  const statusText = () => page.getByRole("status").first().textContent();
  const openWithKeyboard = async (view: string) => {
    await page.goto(`${stack.service.url}/tab/?as=${DEMO_MANAGER}&theme=light#/${view}`);
    await settle();
  };

  it(
    "finds no A or AA violation on any page in any theme (summary in tests/artifacts/a11y/)",
    async () => {
      const results: AxePageResult[] = [];
      for (const theme of THEMES) {
        for (const view of [...VIEWS, `case/${caseId}`]) {
          const as = view === "settings" ? ADMIN : DEMO_MANAGER;
          await page.goto(`${stack.service.url}/tab/?as=${as}&theme=${theme}#/${view}`);
          await settle();
          await openForms();
          results.push(await axeCheck(page, view.startsWith("case/") ? "case" : view, theme));
        }
        await page.goto(
          `${stack.service.url}/tab/?as=${DEMO_MANAGER}&theme=${theme}&frame=sidePanel#/agenda/screening`,
        );
        await settle();
        results.push(await axeCheck(page, "meeting side panel", theme));

        const query = new URLSearchParams({ internetMessageId: PANE_MESSAGE_ID, as: DEMO_MANAGER, theme });
        await page.goto(`${stack.service.url}/tab/outlook.html?${query.toString()}`);
        await page.getByText(/^This email (was|has|is)/).waitFor();
        results.push(await axeCheck(page, "Outlook pane", theme));
      }
      const axeVersion = (createRequire(import.meta.url)("axe-core/package.json") as { version: string }).version;
      const summary = writeAxeSummary(results, axeVersion);
      const found = results.flatMap((r) => r.violations.map((v) => `${r.page} (${r.theme}): ${v.id} ${v.targets[0]}`));
      expect(found, summary).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "confirms a referrer in triage with the keyboard alone",
    async () => {
      const triaged = triagedId;
      await openWithKeyboard("triage");
      const form = page.getByRole("form", { name: `Confirm the referrer for ${triaged}` });
      const email = form.getByRole("textbox", { name: "Referrer's email" });
      await tabTo(email);
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("jo.smith@school.example");
      await page.keyboard.press("Enter");
      await expect.poll(statusText).toContain(`Referrer confirmed for ${triaged}`);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "records a screening decision with the keyboard alone",
    async () => {
      await openWithKeyboard("agenda/screening");
      const form = page.getByRole("form", { name: `Decision for ${caseId}` });
      await tabTo(form.getByRole("radio").first());
      const nfa = form.getByRole("radio", { name: "No further action" });
      for (let presses = 0; presses < 10 && !(await nfa.isChecked()); presses++) {
        await page.keyboard.press("ArrowDown");
      }
      expect(await nfa.isChecked()).toBe(true);
      await tabTo(form.getByRole("textbox", { name: /Note/ }));
      await page.keyboard.type("Needs are met by the school; no service from us.");
      await tabTo(form.getByRole("button", { name: "Record decision" }));
      await page.keyboard.press("Enter");
      await expect.poll(statusText).toContain(`Decision recorded for ${caseId}`);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "records a case note on a case with the keyboard alone",
    async () => {
      const other = triagedId;
      // The acknowledgement the confirmation released has gone: nothing else changes the case under the form.
      await eventually(async () => {
        const sent = await stack.sentItems();
        expect(sent.some((m) => m.to.includes("jo.smith@school.example"))).toBe(true);
      });
      await openWithKeyboard(`case/${other}`);
      const summary = page.locator("summary", { hasText: "Record a case note" });
      await tabTo(summary);
      await page.keyboard.press("Enter");
      const form = page.getByRole("form", { name: `Record a case note on ${other}` });
      await tabTo(form.getByRole("combobox", { name: /Kind of note/ }));
      await page.keyboard.press("ArrowDown");
      await tabTo(form.getByRole("textbox", { name: /^Note/ }));
      await page.keyboard.type("Spoke to the school nurse; the family agree to a call.");
      await tabTo(form.getByRole("button", { name: "Record a case note" }));
      await page.keyboard.press("Enter");
      await expect.poll(statusText).toContain(`Record a case note: recorded on ${other}`);
      const timeline = page.getByRole("list", { name: "Timeline, oldest first" });
      await expect.poll(() => timeline.textContent()).toMatch(/Case note recorded.*by Demo Manager/);
    },
    RUN_TIMEOUT_MS,
  );
});
