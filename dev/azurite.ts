import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";

/** The well-known Azurite development account (public and documented; never a production secret). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface RunningAzurite {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

/** Starts Azurite's Table service from devDependencies, in memory, without telemetry (PLATFORM-NOTES). */
export async function startAzurite(options: { port?: number; timeoutMs?: number } = {}): Promise<RunningAzurite> {
  const port = options.port ?? (await freePort());
  const main = createRequire(import.meta.url).resolve("azurite/dist/src/table/main.js");
  const child = spawn(
    process.execPath,
    [main, "--tableHost", "127.0.0.1", "--tablePort", String(port), "--inMemoryPersistence", "--disableTelemetry"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Azurite exited (code ${child.exitCode}): ${stderr.trim()}`);
    const up = await fetch(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT}/Tables`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Azurite did not start listening on 127.0.0.1:${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
