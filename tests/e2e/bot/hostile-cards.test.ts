import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { caseCard } from "../../../bot/cards/case-card.js";
import { triageCard } from "../../../bot/cards/triage.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import type { InboundMessage } from "../../../src/domain/mail/inbound-message.js";
import { deadlines } from "../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { launchBrowser, type TestBrowser } from "../../support/browser.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { parseEml } from "../../../dev/mail/eml.js";
import { everyCard } from "../../support/every-card.js";

/**
 * Issue 7 §3: nothing a hostile message contains runs in a card. The corpus's script and HTML subjects, bodies and
 * display names are put into every text field of the triage and case cards, and the cards are drawn by the real
 * `adaptivecards` renderer in headless Chromium, reading text as Markdown (markdown-it, links found in plain text)
 * as Teams does. Issue 15 §6: hostile Markdown and links in every untrusted string of every card stay text.
 */
const GENERATED = fileURLToPath(new URL("../../fixtures/hostile/generated/", import.meta.url));
const BUNDLE = createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js");
/** Teams reads TextBlock and Fact text as Markdown: the page does too, with markdown-it, links found as Teams finds them. */
const MARKDOWN = createRequire(import.meta.url).resolve("markdown-it/dist/markdown-it.min.js");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const profile = loadProfile("family-solutions");
const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });
const NOW = "2026-01-12T10:00:00Z";

async function corpusMessages(): Promise<InboundMessage[]> {
  const files = readdirSync(GENERATED).filter((f) => /^(markup|names|html-html)-.*\.eml$/.test(f));
  return Promise.all(files.sort().map((f) => parseEml(readFileSync(`${GENERATED}${f}`), f)));
}

/** Every piece of untrusted text a message gives us that a card could show. */
const hostileTextOf = (m: InboundMessage): string[] =>
  [m.subject, m.from?.name, m.from?.address, m.bodyHtml].filter((t): t is string => !!t).map((t) => t.slice(0, 2000));

function cardsFor(text: string, i: number): AdaptiveCardJson[] {
  const kase = {
    ...aCase()
      .withId(`FC-2026-${String(700 + i).padStart(6, "0")}`)
      .receivedAt("2026-01-12T09:30:00Z")
      .build(),
    summary: text,
    family: { name: text, children: [text] },
  };
  const clocks = deadlines(kase, profile, calendar, new Date(NOW));
  return [
    triageCard({
      timeZone: calendar.timeZone,
      caseId: kase.id,
      contactId: `${kase.id}-contact-1`,
      kind: kase.kind,
      receivedAt: kase.openedAt,
      reasons: [text],
      confidence: 0.5,
      referrer: { name: text, email: "referrer@nhs.example", organisation: text, confirmed: false },
      acknowledgement: { state: "held", reason: "referrer-unconfirmed" },
      clocks,
      outOfHours: false,
      tabUrl: `https://teams.example/l/entity/app/contact?caseId=${kase.id}`,
    }),
    caseCard({ timeZone: calendar.timeZone, case: kase, leadWorkerName: text, clocks, actions: [] }),
  ];
}

interface Rendered {
  readonly pwned: unknown;
  readonly text: string;
  readonly activeElements: number;
  /** Links and Markdown formatting the text turned into. */
  readonly links: number;
  readonly formatting: number;
}

/** The little of the page's DOM these checks touch (the project compiles without the DOM library). */
interface PageNode {
  innerText: string;
  src: string;
  replaceChildren(): void;
  appendChild(node: PageNode): void;
  querySelectorAll(selectors: string): { readonly length: number };
}
interface PageGlobals {
  __pwned?: unknown;
  readonly AdaptiveCards: {
    AdaptiveCard: (new () => { parse(json: unknown): void; render(): PageNode | undefined }) & {
      onProcessMarkdown?: (text: string, result: { outputHtml?: string; didProcess?: boolean }) => void;
    };
  };
  readonly markdownit: (options: { html: boolean; linkify: boolean }) => { render(text: string): string };
  readonly document: { getElementById(id: string): PageNode; createElement(tag: string): PageNode; body: PageNode };
}

/** Draws the cards with the real renderer and reports what ran, what became HTML, and what it says. */
const render = (page: Page, cards: readonly AdaptiveCardJson[]): Promise<Rendered> =>
  page.evaluate(async (json) => {
    const page = globalThis as unknown as PageGlobals;
    const root = page.document.getElementById("cards");
    root.replaceChildren();
    for (const payload of json) {
      const card = new page.AdaptiveCards.AdaptiveCard();
      card.parse(payload);
      const element = card.render();
      if (element) root.appendChild(element);
    }
    // Give an onerror or onload handler a chance to fire, had any element been created from the text.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const active = root.querySelectorAll(
      "script, img, iframe, svg, object, embed, form, meta, base, link, style, math, a[href]",
    );
    return {
      pwned: page.__pwned,
      text: root.innerText,
      activeElements: active.length,
      links: root.querySelectorAll("a").length,
      formatting: root.querySelectorAll("strong, em, h1, h2, h3, h4, h5, h6, li, code, pre, blockquote, img, hr")
        .length,
    };
  }, cards as unknown[]);

describe("cards never run mail content (issue 7 §3)", () => {
  let browser: TestBrowser;
  let page: Page;
  const dialogs: string[] = [];
  const remoteRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!LOOPBACK.has(url.hostname) && url.protocol !== "data:" && url.protocol !== "about:") {
        remoteRequests.push(url.hostname);
      }
    });
    await page.setContent('<!doctype html><html><body><div id="cards"></div></body></html>');
    await page.addScriptTag({ path: BUNDLE });
    await page.addScriptTag({ path: MARKDOWN });
    await page.evaluate(() => {
      const inPage = globalThis as unknown as PageGlobals;
      const markdown = inPage.markdownit({ html: false, linkify: true });
      inPage.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = markdown.render(text);
        result.didProcess = true;
      };
    });
  });

  afterAll(async () => browser?.close());

  it("takes script, HTML and injected names from the corpus", async () => {
    const texts = (await corpusMessages()).flatMap(hostileTextOf);
    expect(texts.some((t) => t.includes("<script>window.__pwned=1</script>"))).toBe(true);
    expect(texts.some((t) => t.includes('onerror="window.__pwned=1"'))).toBe(true);
    expect(texts.some((t) => t.includes("https://tracker.example/pixel.gif"))).toBe(true);
  });

  it("draws the triage and case cards of every hostile text as inert text: no script runs, no dialog, no remote fetch", async () => {
    const texts = (await corpusMessages()).flatMap(hostileTextOf);
    const rendered = await render(
      page,
      texts.flatMap((text, i) => cardsFor(text, i)),
    );
    expect(rendered.pwned).toBeUndefined();
    expect(rendered.activeElements).toBe(0);
    expect(dialogs).toEqual([]);
    expect(remoteRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("shows the markup as the characters it was sent as", async () => {
    const script = "Request for support <script>window.__pwned=1</script>";
    const image = '<img src="https://tracker.example/pixel.gif?id=1" width="1" height="1">';
    const rendered = await render(page, [...cardsFor(script, 1), ...cardsFor(image, 2)]);
    expect(rendered.text).toContain(script);
    expect(rendered.text).toContain(image);
    expect(rendered.pwned).toBeUndefined();
  });

  it("would have caught a script that ran or an image that was fetched (the checks can fail)", async () => {
    await page.evaluate(() => {
      const inPage = globalThis as unknown as PageGlobals;
      const img = inPage.document.createElement("img");
      img.src = "https://tracker.example/pixel.gif?probe=1";
      inPage.document.body.appendChild(img);
      inPage.__pwned = 1;
    });
    await page.waitForTimeout(200);
    expect(remoteRequests).toContain("tracker.example");
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned)).toBe(1);
  });

  describe("hostile Markdown and links in every card (issue 15 §6)", () => {
    const HOSTILE = [
      "[Open referral](https://evil.example/referral)",
      "[Open referral][ref]\n\n[ref]: https://evil.example/ref",
      "<https://evil.example/auto>",
      "Call back on https://evil.example/path?x=1 now",
      "see www.evil.com or evil.com, or mail jo.smith@evil.com",
      "![pixel](https://tracker.example/pixel.gif)",
      "**urgent** _now_ ~~struck~~ `code`",
      "# Heading",
      "- a list item\n1. a numbered item\n> a quote",
      "    indented as code",
      "mailto:jo@evil.com tel:+441234567890",
    ];

    it("shows each as the characters it is, on every card: no link, and no formatting but the cards' own", async () => {
      const allCards = (text: string) => Object.values(everyCard(text)).flat();
      const requestsBefore = remoteRequests.length;
      // The cards' own Markdown (the triage card's bulleted reasons) drawn around plain words.
      const baseline = (await render(page, allCards("plain words"))).formatting;
      for (const hostile of HOSTILE) {
        const rendered = await render(page, allCards(hostile));
        expect({ hostile, links: rendered.links, formatting: rendered.formatting }).toEqual({
          hostile,
          links: 0,
          formatting: baseline,
        });
        const shown = rendered.text.replace(/\s+/g, " ");
        const times = shown.split(firstLine(hostile)).length - 1;
        // Every card but help shows the string (the welcome card once, as the centre's name).
        expect({ hostile, times: times >= Object.keys(everyCard(hostile)).length }).toEqual({ hostile, times: true });
      }
      expect(remoteRequests.slice(requestsBefore)).toEqual([]);
    });

    it("would have caught a link or formatting that got through (the checks can fail)", async () => {
      const raw = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: HOSTILE[0] + " **x**" }] };
      const rendered = await render(page, [raw as unknown as AdaptiveCardJson]);
      expect(rendered.links).toBe(1);
      expect(rendered.formatting).toBe(1);
    });
  });
});

/** What a person reads of a hostile string's first line (a card may show only that line of a multi-line one). */
const firstLine = (text: string): string => text.split("\n")[0]!.trim();
