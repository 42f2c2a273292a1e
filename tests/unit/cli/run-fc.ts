import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface FcRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real operator CLI in a child process, as `npm run fc` does. */
export function fc(...args: string[]): Promise<FcRun> {
  return new Promise((resolve) => {
    execFile("node", ["--import", "tsx", "src/cli.ts", ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** Writes a file the CLI can be pointed at, in a fresh temporary folder. */
export function aFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "fc-cli-")), name);
  writeFileSync(path, content);
  return path;
}

/** GOV.UK's bank-holidays.json shape with the given England & Wales events. */
export const govUkFile = (events: { title: string; date: string }[]): string =>
  JSON.stringify({ "england-and-wales": { division: "england-and-wales", events } });
