import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { TABLE_NAMES } from "../../../src/store/store.js";

const README = new URL("../../../README.md", import.meta.url);

/** The first column of the README's data map: one backticked table name a row. */
async function dataMapTables(): Promise<string[]> {
  const readme = await readFile(README, "utf8");
  const start = readme.indexOf("### Data map");
  expect(start, "the README has a Data map section").toBeGreaterThan(-1);
  const section = readme.slice(start, readme.indexOf("\n### ", start + 1));
  return [...section.matchAll(/^\|\s*`([A-Za-z]+)`\s*\|/gmu)].map((m) => m[1] ?? "");
}

describe("the README's data map", () => {
  it("names every table the store creates, once each, and no other", async () => {
    const mapped = await dataMapTables();
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual([...TABLE_NAMES].sort());
  });

  it("says for each table what personal data it holds and how long it is kept", async () => {
    const readme = await readFile(README, "utf8");
    for (const table of TABLE_NAMES) {
      const row = new RegExp(`^\\|\\s*\`${table}\`\\s*\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|`, "mu").exec(readme);
      expect(row, `a data map row for ${table}`).not.toBeNull();
      for (const cell of row?.slice(1) ?? []) expect(cell.trim(), `${table}'s row`).not.toBe("");
    }
  });
});
