import { spawn, type ChildProcess } from "node:child_process";

/** The service as its own process (`src/server.ts`), so that it can really be killed. */
export function startServiceProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "ignore",
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
