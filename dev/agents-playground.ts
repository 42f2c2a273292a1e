import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningPlayground {
  /** The web UI to open in a browser. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** 0 for any free port (the Playground itself falls back to a random port when the asked one is taken). */
  readonly port: number;
  readonly timeoutMs?: number;
}

/**
 * Starts the Microsoft 365 Agents Playground (a dev dependency) as Teams (`msteams`) in front of the bot.
 * This machine may be offline, so everything the Playground would reach out for is switched off with its own
 * options: `--disable-telemetry` (Application Insights), `TEAMSAPPTESTER_BROWSER=none` (it would open a browser);
 * its log file and config file path go to a private temporary folder instead of `./devTools` in the project.
 * Started with `node` on its bin file: through `npx` in the background it exits (PLATFORM-NOTES).
 */
export async function startAgentsPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/cli.js");
  const workDir = mkdtempSync(join(tmpdir(), "fc-playground-"));
  const args = [cli, "start", "--app-endpoint", options.botEndpoint, "--channel-id", "msteams"];
  args.push("--port", String(options.port), "--disable-telemetry");
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: "none",
      M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, "playground.log"),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(workDir, ".m365agentsplayground.yml"),
    },
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The Agents Playground did not start listening: ${output.trim()}`));
    }, options.timeoutMs ?? 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        // It logs every activity from here on (to its own log file too): keep draining, stop collecting.
        child.stdout.off("data", read).resume();
        child.stderr.off("data", read).resume();
        resolve(Number(listening[1]));
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited (code ${code ?? "none"}): ${output.trim()}`));
    });
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(workDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}
