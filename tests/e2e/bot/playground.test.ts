import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAgentsPlayground, type RunningPlayground } from "../../../dev/agents-playground.js";
import { launchBrowser, type TestBrowser } from "../../support/browser.js";
import { eventually, startLocalStack, type LocalStack } from "../../support/local-stack.js";

/**
 * Issue 5 "Try it", end to end: an Early Help Assessment sent over SMTP into the stand-in's mailbox, the service in
 * local mode, the Microsoft 365 Agents Playground as Teams in front of its bot, and a person in headless Chromium
 * who asks for the screening agenda and records a decision by clicking the card.
 */
const UI_TIMEOUT_MS = 30_000;
/** Azurite, the stand-in, the service, the Playground and Chromium all start here: generous on a busy machine. */
const RUN_TIMEOUT_MS = 180_000;
/** The Playground's own mock user; in local mode anyone acts with every role (bot/demo-team.ts). */
const PLAYGROUND_USER = "Alex Wilber";
const NOTE = "Needs are met by the school nurse; no service from us.";

/** Requests the browser refused because this machine is offline (CDN fonts and animations), not page faults. */
const SEED_MAIL = join(import.meta.dirname, "../../../dev/seed-mail");

const offlineNoise = (message: string): boolean =>
  message.includes("ERR_INTERNET_DISCONNECTED") || message.includes("cdn.office.net");

describe("rule 2.1 screening decision recorded by clicking the agenda card in the Agents Playground", () => {
  let stack: LocalStack;
  let playground: RunningPlayground;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    stack = await startLocalStack(inject("azuriteConnectionString"), "EPlayground");
    playground = await startAgentsPlayground({ botEndpoint: `${stack.service.url}/api/messages`, port: 0 });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
  }, RUN_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await stack?.close();
  }, RUN_TIMEOUT_MS);

  const screeningAgenda = (): Locator => page.locator(".ac-adaptiveCard").filter({ hasText: "Daily screening" }).last();

  it(
    "shows the contact on the agenda, records No further action with its decider, and sends the 2.2 email once",
    async () => {
      await stack.sendFixture("eha-school-nurse.eml");
      const caseId = await eventually(async () => {
        const { items } = await stack.service.store.worklists.list("awaiting-screening");
        expect(items).toHaveLength(1);
        return items[0]?.caseId ?? "";
      });

      await page.goto(playground.url);
      const compose = page.getByRole("textbox").first();
      await compose.waitFor();
      await browser.screenshot(page, "playground-1-open");

      await compose.click();
      await compose.pressSequentially("screening");
      await compose.press("Enter");
      const agenda = screeningAgenda();
      await agenda.getByText(caseId).waitFor();
      await expect(agenda.getByRole("button", { name: "Record decision" }).count()).resolves.toBe(1);
      await browser.screenshot(page, "playground-2-screening-agenda");

      await agenda.getByRole("combobox").first().click();
      await page.getByRole("option", { name: "No further action", exact: true }).click();
      await agenda.locator("textarea").first().fill(NOTE);
      await browser.screenshot(page, "playground-3-decision-filled");
      await agenda.getByRole("button", { name: "Record decision" }).click();

      const decided = agenda.getByText(new RegExp(`Decided by ${PLAYGROUND_USER} at .+: No further action`));
      await decided.waitFor();
      await expect(agenda.getByRole("button", { name: "Record decision" }).count()).resolves.toBe(0);
      await browser.screenshot(page, "playground-4-decided");

      const { case: kase } = await stack.service.store.cases.getCase(caseId);
      expect(kase.state).toBe("closed");
      const decisions = kase.events.filter((e) => e.type === "screening.decided");
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        by: { displayName: PLAYGROUND_USER },
        data: { outcome: "no-further-action", note: NOTE },
      });
      const { items } = await stack.service.store.worklists.list("awaiting-screening");
      expect(items.map((i) => i.caseId)).not.toContain(caseId);

      const outcomeEmails = async () =>
        (await stack.sentItems()).filter((m) => m.subject === `Screening outcome for ${caseId}: no further action`);
      await eventually(async () => expect(await outcomeEmails()).toHaveLength(1), UI_TIMEOUT_MS);
      await stack.service.syncNow(); // another inbox and outbox round must not send it again
      const [email, ...again] = await outcomeEmails();
      expect(again).toEqual([]);
      expect(email?.to).toEqual(["priya.raman@nhs.example"]);

      expect(browser.consoleErrors.filter((m) => !offlineNoise(m))).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "npm run playground's seed referrals each become a contact awaiting screening, acknowledged to its referrer",
    async () => {
      const seeds = readdirSync(SEED_MAIL).filter((name) => name.endsWith(".eml"));
      expect(seeds.length).toBeGreaterThanOrEqual(2);
      const before = (await stack.service.store.worklists.list("awaiting-screening")).items.length;
      for (const seed of seeds) await stack.sendRaw(readFileSync(join(SEED_MAIL, seed), "utf8"));

      await eventually(async () => {
        const { items } = await stack.service.store.worklists.list("awaiting-screening");
        expect(items).toHaveLength(before + seeds.length);
        const acknowledged = (await stack.sentItems()).filter((m) => m.subject.startsWith("We have received"));
        expect(acknowledged.flatMap((m) => m.to)).toEqual(
          expect.arrayContaining(["m.osei@hillcrest.school.example", "grace.adeyemi@nhs.example"]),
        );
      }, UI_TIMEOUT_MS);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "decides the second item of a three-item agenda while the first and third stay open (issue 20)",
    async () => {
      // Three more contacts, each its own message; whatever else waits for screening is on the agenda too.
      const before = (await stack.service.store.worklists.list("awaiting-screening")).items.length;
      for (const n of [1, 2, 3]) {
        await stack.sendFixture("eha-health-visitor-docx.eml", (raw) =>
          raw.replace(/^Message-ID: .*$/im, `Message-ID: <issue-20-three-items-${n}@health.example>`),
        );
      }
      const waiting = await eventually(async () => {
        const { items } = await stack.service.store.worklists.list("awaiting-screening");
        expect(items.length).toBe(before + 3);
        return items.length;
      }, UI_TIMEOUT_MS);

      const compose = page.getByRole("textbox").first();
      await compose.click();
      await compose.pressSequentially("screening");
      await compose.press("Enter");
      const agenda = screeningAgenda();
      const buttons = agenda.getByRole("button", { name: "Record decision" });
      await expect.poll(() => buttons.count(), { timeout: UI_TIMEOUT_MS }).toBe(Math.min(waiting, 6));
      const onCard = [...new Set((await agenda.innerText()).match(/FC-\d{4}-\d{6}/g) ?? [])];
      const second = onCard[1] ?? "";

      await agenda.getByRole("combobox").nth(1).click();
      await page.getByRole("option", { name: "Present at the Multi Agency Action Meeting", exact: true }).click();
      await buttons.nth(1).click();

      await agenda.getByText(/Decided by .+: Present at the Multi Agency Action Meeting/).waitFor();
      await expect.poll(() => buttons.count(), { timeout: UI_TIMEOUT_MS }).toBe(Math.min(waiting, 6) - 1);
      await browser.screenshot(page, "playground-5-second-of-three-decided");
      expect((await stack.service.store.cases.getCase(second)).case.state).toBe("awaiting-maam");
      for (const other of [onCard[0], onCard[2]]) {
        expect((await stack.service.store.cases.getCase(other ?? "")).case.state).toBe("awaiting-screening");
      }
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'answers a click that fails with the error under the card, not "Unable to reach app" (issue 20)',
    async () => {
      const agenda = screeningAgenda();
      const cases = stack.service.deps.cases;
      const getCase = cases.getCase.bind(cases);
      cases.getCase = () => Promise.reject(new Error("the tables are down"));
      try {
        await agenda.getByRole("combobox").first().click();
        await page.getByRole("option", { name: "Present at the Multi Agency Action Meeting", exact: true }).click();
        await agenda.getByRole("button", { name: "Record decision" }).first().click();
        await page.getByText("Something went wrong on our side. Please try again").waitFor();
        await browser.screenshot(page, "playground-6-error-under-the-card");
        await expect(page.getByText("Unable to reach app").count()).resolves.toBe(0);
      } finally {
        cases.getCase = getCase;
      }
    },
    RUN_TIMEOUT_MS,
  );
});
