import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Browser tests drive Debian's Chromium (PLATFORM-NOTES: test tools cannot download their own browser here).
 * Installs it with apt-get when it is missing and we may; otherwise says exactly what to do.
 */
export const CHROMIUM_PATH = process.env["FC_CHROMIUM_PATH"] ?? "/usr/bin/chromium";

function run(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install Debian's package (sudo apt-get install chromium) ` +
        "or set FC_CHROMIUM_PATH to a Chromium binary.",
    );
  }
  process.stderr.write("Installing Debian's chromium for the browser tests (once per machine)…\n");
  if (!run("apt-get", ["update", "-qq"]) || !run("apt-get", ["install", "-y", "-qq", "chromium"])) {
    throw new Error("apt-get could not install chromium; see the messages above.");
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium was installed but is not at ${CHROMIUM_PATH}.`);
}

if (process.argv[1]?.endsWith("ensure-chromium.ts")) {
  try {
    ensureChromium();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
