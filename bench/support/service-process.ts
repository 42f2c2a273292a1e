import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { SERVICE_COMMAND, SERVICE_ENTRY } from "../../deploy/service-command.js";

const REPO = join(import.meta.dirname, "../..");

/** The service as production runs it: compiled by `tsc -p tsconfig.build.json` (what `npm run build` does). */
export const PRODUCTION_ENTRY = SERVICE_ENTRY;
let compiled = false;

/** Compiles the service once per run, so the figures are those of the code in the working tree, run as production. */
function compileOnce(): void {
  if (compiled) return;
  const tsc = join(REPO, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: REPO, stdio: "inherit" });
  compiled = true;
}

export type LogEntry = Readonly<Record<string, unknown>> & { readonly event: string; readonly level: string };
type LogListener = (entry: LogEntry) => void;

export interface ServiceProcess {
  readonly pid: number;
  readonly url: string;
  /** Log events seen so far, by name (`intake.logged` → 120); the lines themselves are not kept. */
  events(): Readonly<Record<string, number>>;
  onLog(listener: LogListener): () => void;
  /** Peak resident set size so far (VmHWM), in MB; undefined once the process has exited. */
  peakRssMb(): number | undefined;
  /** Sends a signal (SIGKILL for a crash) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  readonly exited: Promise<number | null>;
}

/**
 * Runs the service as its own process, compiled and started as in production (`SERVICE_COMMAND`), so its
 * memory and crashes are its own. Resolves once `/healthz` answers. `entry` (a TypeScript file relative to the
 * repository) runs another dev-only entry point instead through tsx, e.g. the chaos run's, which gives the service a
 * stepped clock.
 */
export async function spawnService(
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
  entry = PRODUCTION_ENTRY,
): Promise<ServiceProcess> {
  if (entry === PRODUCTION_ENTRY) compileOnce();
  // Production's command (its node flags with it), or a dev-only entry through tsx.
  const args = entry === PRODUCTION_ENTRY ? SERVICE_COMMAND.slice(1) : ["--import", "tsx", entry];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO,
    // Not NODE_ENV=production: the Agents SDK then insists on a bot client id, and these runs are local mode's
    // (loopback Bot Connector, no identity). The code paths measured do not read NODE_ENV.
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the service process did not start");
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const events: Record<string, number> = {};
  const listeners = new Set<LogListener>();
  let stderrTail = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));
  if (child.stdout) {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const entry = parseLog(line);
      if (!entry) return;
      events[entry.event] = (events[entry.event] ?? 0) + 1;
      for (const listener of listeners) listener(entry);
    });
  }
  const url = `http://127.0.0.1:${env.FC_PORT ?? "3978"}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (code ${child.exitCode}): ${stderrTail.trim()}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the service did not answer ${url}/healthz within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid,
    url,
    events: () => ({ ...events }),
    onLog: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    peakRssMb: () => peakRssMb(pid),
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    exited,
  };
}

/** VmHWM from /proc/<pid>/status (Linux): the process's high-water mark of resident memory. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function parseLog(line: string): LogEntry | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    return typeof value.event === "string" && typeof value.level === "string" ? (value as LogEntry) : undefined;
  } catch {
    return undefined;
  }
}
