import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TestBrowser } from "../../support/browser.js";
import { eventually, type LocalStack } from "../../support/local-stack.js";
import { DEMO_MANAGER, openTabSession, type TabSession } from "../../support/tab-session.js";

/**
 * Issue 6 §3, end to end: the Outlook read-mail pane in headless Chromium against local mode. Outside Outlook the
 * pane takes the open email's Message-ID from `?internetMessageId=` (what Office.js gives it in Outlook); the service
 * asks the stand-in mailbox which message that is, then its ledger.
 */
const RUN_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 30_000;
/** Local mode's demo manager: may triage mail, so the pane offers to log it. */
const MANAGER = DEMO_MANAGER;

describe("the Outlook pane in local mode", () => {
  let session: TabSession | undefined;
  let stack: LocalStack;
  let browser: TestBrowser;
  let page: Page;
  const run = randomBytes(4).toString("hex");

  beforeAll(async () => {
    session = await openTabSession(inject("azuriteConnectionString"), "EPane", UI_TIMEOUT_MS);
    ({ stack, browser, page } = session);
  }, RUN_TIMEOUT_MS);
  afterAll(async () => session?.close(), RUN_TIMEOUT_MS);

  /** Sends a fixture over SMTP under its own Message-ID; returns the mailbox's Graph id once it is in the Inbox. */
  const sendAs = async (fixture: string, internetMessageId: string): Promise<string> => {
    await stack.sendFixture(fixture, (raw) => raw.replace(/^Message-ID: .*$/m, `Message-ID: ${internetMessageId}`));
    return eventually(async () => {
      const copy = stack.standIn.mailbox.list("inbox").find((m) => m.internetMessageId === internetMessageId);
      expect(copy).toBeDefined();
      return copy?.id ?? "";
    });
  };

  const openPane = async (internetMessageId: string, theme: string) => {
    const query = new URLSearchParams({ internetMessageId, as: MANAGER, theme });
    await page.goto(`${stack.service.url}/tab/outlook.html?${query.toString()}`);
    await page.getByRole("heading", { name: "This email" }).waitFor();
    await page.getByText(/^This email (was|has|is)/).waitFor();
  };

  it(
    "shows a referral sent by SMTP as logged, with its case and clocks",
    async () => {
      const internetMessageId = `<pane-logged-${run}@nhs.example>`;
      const messageId = await sendAs("eha-school-nurse.eml", internetMessageId);
      const caseId = await eventually(async () => {
        const record = await stack.service.store.messages.find(messageId);
        expect(record?.state).toBe("logged");
        return record?.caseId ?? "";
      });

      for (const theme of ["light", "dark"]) {
        await openPane(internetMessageId, theme);
        expect(await page.getByText("This email was logged as a contact.").count()).toBe(1);
        expect(await page.getByRole("link", { name: caseId }).count()).toBe(1);
        const clocks = page.getByRole("table", { name: `Clocks for ${caseId}` });
        expect(await clocks.textContent()).toContain("Present the case at the Multi Agency Action Meeting");
        // Rule 1.3 was met when the intake logged it: never "due soon" on a logged contact.
        expect(await clocks.textContent()).not.toContain("Log the contact");
        expect(await page.getByRole("button", { name: "Log as a new contact" }).count()).toBe(0);
        await browser.screenshot(page, `tab/outlook-logged-${theme}`);
      }
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "offers to log an email the inbox round has not reached, and logging it shows its case",
    async () => {
      // Graph's notification is lost: the email waits for the next safety-net round (minutes away).
      stack.standIn.faults.set({ dropNotifications: 1 });
      const internetMessageId = `<pane-unlogged-${run}@nhs.example>`;
      const messageId = await sendAs("eha-health-visitor-docx.eml", internetMessageId);
      expect(await stack.service.store.messages.find(messageId)).toBeUndefined();

      await openPane(internetMessageId, "dark");
      expect(await page.getByText("This email has not been logged.").count()).toBe(1);
      await browser.screenshot(page, "tab/outlook-unlogged-dark");
      await openPane(internetMessageId, "light");
      await browser.screenshot(page, "tab/outlook-unlogged-light");

      await page.getByRole("button", { name: "Log as a new contact" }).click();

      await page.getByText("This email was logged as a contact.").waitFor();
      expect(await page.getByRole("status").textContent()).toContain("Email logged as a new contact.");
      const record = await stack.service.store.messages.find(messageId);
      expect(record?.state).toBe("logged");
      expect(await page.getByRole("link", { name: record?.caseId ?? "(no case)" }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Log as a new contact" }).count()).toBe(0);
      expect(browser.consoleErrors).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
