import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import type { Expected } from "../../fixtures/hostile/corpus.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

const HOSTILE = fileURLToPath(new URL("../../fixtures/hostile/", import.meta.url));
const index = JSON.parse(await readFile(`${HOSTILE}expected.json`, "utf8")) as Record<string, Expected>;
const files = Object.keys(index);

let h: AppHarness;
const idOf = new Map<string, string>();
const rounds: unknown[] = [];

beforeAll(async () => {
  // Every letter of the corpus at once, on a clock that does not move: more than a mailbox's 30 a minute (issue 21 §2).
  h = await startAppHarness({ letterPace: { perMinute: 1000, recipientsPerDay: 10_000 } });
  for (const file of files) idOf.set(file, await h.standIn.deliver(await readFile(`${HOSTILE}${file}`)));
  rounds.push(await syncInbox(h.deps, "hostile"));
  for (let i = 0; i < 40; i++) {
    const round = await deliverOutbox(h.deps, 50);
    if (round.sent + round.waiting === 0) break;
  }
}, 600_000);
afterAll(() => h.close());

describe("issue 7 §3 hostile mail: the corpus", () => {
  it("holds at least 200 broken or hostile messages", () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
  });

  it("is read in one inbox round that neither crashes nor stops: the delta link moves on", async () => {
    expect(rounds).toEqual([expect.objectContaining({ ran: true, messages: files.length })]);
    expect(await h.deps.sync.get("inbox")).toBeDefined();
  });
});

describe("rule 1.3 every message is logged once, or ignored with its reason", () => {
  it.each(files)("%s", async (file) => {
    const expected = index[file];
    const record = await h.deps.messages.find(idOf.get(file) ?? "");
    if (expected?.outcome === "logged") {
      expect(record).toMatchObject({ state: "logged" });
      expect(record?.caseId).toMatch(/^FC-2026-\d{6}$/);
    } else {
      expect(record).toMatchObject({ state: "ignored", reason: expected?.reason });
    }
  });
});

describe("rule 1.2 acknowledgement never answers what it must not", () => {
  it("sends exactly one acknowledgement to each sender the index names, and nothing to anyone else", () => {
    const sentTo = h.standIn.mailbox.outbound.flatMap((record) => record.recipients.map((r) => r.toLowerCase()));
    const expected = Object.values(index)
      .map((entry) => entry.acknowledgeTo)
      .filter((to): to is string => to !== null)
      .map((to) => to.toLowerCase());
    expect(sentTo.sort()).toEqual(expected.sort());
  });
});

/**
 * An email address. Matches start only where a run of address characters starts: without that, each of the 200,000
 * characters of an oversized header line would start a scan to the end of the line (minutes, not milliseconds).
 */
const ADDRESS = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Text as its words, lower-cased and space-delimited, so a name is found as whole words only ("one" is not in "none"). */
const wordsOf = (text: string): string =>
  ` ${text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ")} `;
const containsName = (words: string, name: string): boolean =>
  wordsOf(name).trim() !== "" && words.includes(wordsOf(name));

describe("no personal data in the logs", () => {
  it("the name check finds a display name planted in a log line, as whole words only", () => {
    const planted = wordsOf([...h.logLines, '{"level":"info","event":"planted","who":"Sender One"}'].join("\n"));
    expect(containsName(planted, "sender one")).toBe(true);
    expect(containsName(planted, "ONE")).toBe(true);
    expect(containsName(wordsOf('{"reason":"none","outcome":"done"}'), "one")).toBe(false);
  });

  it("no log line carries an address or a sender's display name from the corpus", async () => {
    const logged = h.logLines.join("\n").toLowerCase();
    expect(h.logLines.length).toBeGreaterThan(files.length);
    const loggedWords = wordsOf(logged);
    const loggedAddresses = new Set(logged.match(ADDRESS) ?? []);
    for (const file of files) {
      const raw = (await readFile(`${HOSTILE}${file}`)).toString("latin1").slice(0, 400_000);
      const addresses = (raw.match(ADDRESS) ?? []).map((a) => a.toLowerCase());
      expect(
        addresses.filter((a) => loggedAddresses.has(a)),
        file,
      ).toEqual([]);
      const name = /^From:[ \t]*"?([^"<\r\n=]{4,60}?)"?\s*</im.exec(raw)?.[1]?.trim().toLowerCase();
      if (name !== undefined) expect(containsName(loggedWords, name), `${file}: "${name}" was logged`).toBe(false);
    }
  }, 240_000);
});
