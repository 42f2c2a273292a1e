import { ESLint } from "eslint";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });

/** The import rules a file at `path` with `source` breaks (ESLint's own config, as `npm run lint` runs it). */
async function broken(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .map((m) => m.ruleId ?? m.message)
    .filter((rule) => rule !== "@typescript-eslint/no-unused-vars");
}

const LAYERING = "boundaries/dependencies";

/** Planted imports that run up the house or across it: DESIGN.md's layers, as the lint holds them. */
const VIOLATIONS: readonly [string, string, string][] = [
  [
    "a use case imports the Azure Tables adapter",
    "src/app/planted.ts",
    'import type { Store } from "../store/store.js";',
  ],
  ["the domain imports a port", "src/domain/planted.ts", 'import type { Clock } from "../ports/clock.js";'],
  ["an adapter imports a use case", "src/store/planted.ts", 'import type { AppDeps } from "../app/app-deps.js";'],
  [
    "the bot imports the Graph adapter",
    "bot/planted.ts",
    'import { GraphMailbox } from "../src/graph/graph-mailbox.js";',
  ],
  ["a job imports the API", "src/jobs/planted.ts", 'import { badRequest } from "../api/errors.js";'],
  ["the API imports the stand-in", "src/api/planted.ts", 'import { startAzurite } from "../../dev/azurite.js";'],
  [
    "a benchmark imports a test helper",
    "bench/planted.ts",
    'import { expectStatus } from "../tests/support/outcomes.js";',
  ],
  [
    "the server skips the composition root",
    "src/server.ts",
    'import { createMemoryStore } from "./store/memory/create-memory-store.js";',
  ],
];

describe("the layers the build enforces (eslint.config.js)", () => {
  it.each(VIOLATIONS)("fails the lint when %s", async (_what, path, source) => {
    expect(await broken(path, source)).toContain(LAYERING);
  });

  it("fails the lint when the tab imports anything of the service but the API's contract", async () => {
    expect(await broken("tab/src/planted.ts", 'import type { AppDeps } from "../../src/app/app-deps.js";')).toContain(
      "no-restricted-imports",
    );
  });

  it("passes imports that go down the house: a use case on a port, an adapter on the domain, compose on all", async () => {
    expect(await broken("src/app/planted.ts", 'import type { Clock } from "../ports/clock.js";')).toEqual([]);
    expect(await broken("src/store/planted.ts", 'import type { Case } from "../domain/case.js";')).toEqual([]);
    expect(await broken("src/compose/planted.ts", 'import type { Store } from "../store/store.js";')).toEqual([]);
    expect(await broken("tab/src/planted.ts", 'import type { MeResponse } from "../../src/api/contract.js";')).toEqual(
      [],
    );
  });
});
