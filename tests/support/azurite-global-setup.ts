import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the real Azurite Table service these tests run against. */
    azuriteConnectionString: string;
  }
}

/** The well-known Azurite development account (public, documented; not a secret). */
const ACCOUNT = "devstoreaccount1";
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

async function waitForPort(port: number, child: ChildProcess, deadlineMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/${ACCOUNT}/Tables`).then(
      () => true,
      () => false,
    );
    if (ok) return;
    if (Date.now() - started > deadlineMs) throw new Error(`Azurite did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts one real Azurite Table service (in memory) for the whole test run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(process.cwd(), "node_modules/azurite/dist/src/table/main.js"),
      "--tableHost",
      "127.0.0.1",
      "--tablePort",
      String(port),
      "--inMemoryPersistence",
      "--disableTelemetry",
      "--skipApiVersionCheck",
    ],
    { stdio: "ignore" },
  );
  await waitForPort(port, child, 20_000);
  project.provide(
    "azuriteConnectionString",
    `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
  );
  return async () => {
    child.kill("SIGTERM");
  };
}
