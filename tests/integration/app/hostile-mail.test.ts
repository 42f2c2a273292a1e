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
  h = await startAppHarness();
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

describe("no personal data in the logs", () => {
  it("no log line carries an address or a sender's display name from the corpus", async () => {
    const logged = h.logLines.join("\n").toLowerCase();
    expect(h.logLines.length).toBeGreaterThan(files.length);
    const loggedAddresses = new Set(logged.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []);
    for (const file of files) {
      const raw = (await readFile(`${HOSTILE}${file}`)).toString("latin1").slice(0, 400_000);
      const addresses = (raw.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).map((a) => a.toLowerCase());
      expect(
        addresses.filter((a) => loggedAddresses.has(a)),
        file,
      ).toEqual([]);
      const name = /^From:[ \t]*"?([^"<\r\n=]{4,60}?)"?\s*</im.exec(raw)?.[1]?.trim().toLowerCase();
      if (name !== undefined) expect(logged, `${file}: "${name}" was logged`).not.toContain(name);
    }
  }, 240_000);
});
