import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";

/** The well-known Azurite development account (public and documented; never a production secret). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface RunningAzurite {
  /** The Table service's port. */
  readonly port: number;
  /** The Blob service's port (the access audit's append blobs). */
  readonly blobPort: number;
  /** Both endpoints: `TableEndpoint` and `BlobEndpoint`. */
  readonly connectionString: string;
  /** The Table service's process (the bench reads its CPU time: what Azurite's own work costs, apart from ours). */
  readonly tablePid?: number;
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

export interface AzuriteOptions {
  /** The Table service's port. */
  readonly port?: number;
  /** The Blob service's port. */
  readonly blobPort?: number;
  readonly timeoutMs?: number;
  /**
   * Keep the tables in this folder instead of in memory, so that a restart on the same folder finds them again
   * (the chaos run restarts Azurite). `stop()` then shuts down gracefully so that the last writes are saved.
   */
  readonly location?: string;
}

/** How long a persistent Azurite may take to save and exit before it is killed. */
const GRACEFUL_STOP_MS = 15_000;

interface AzuriteService {
  readonly pid?: number;
  stop(): Promise<void>;
}

/** One of Azurite's services (`table` or `blob`) from devDependencies, listening once its `probe` answers. */
async function startService(
  service: "table" | "blob",
  port: number,
  options: AzuriteOptions,
  probe: string,
): Promise<AzuriteService> {
  const main = createRequire(import.meta.url).resolve(`azurite/dist/src/${service}/main.js`);
  const persistence = options.location === undefined ? ["--inMemoryPersistence"] : ["--location", options.location];
  // The blob SDK asks for a newer service version than this Azurite knows; the operations used are the same.
  const versions = service === "blob" ? ["--skipApiVersionCheck"] : [];
  const child = spawn(
    process.execPath,
    [
      main,
      `--${service}Host`,
      "127.0.0.1",
      `--${service}Port`,
      String(port),
      ...persistence,
      ...versions,
      "--disableTelemetry",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Azurite ${service} exited (code ${child.exitCode}): ${stderr.trim()}`);
    const up = await fetch(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT}${probe}`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Azurite ${service} did not start listening on 127.0.0.1:${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        if (options.location === undefined) {
          child.kill("SIGTERM");
          return;
        }
        // Azurite saves its database on SIGINT only (SIGTERM would drop the writes of the last few seconds).
        child.kill("SIGINT");
        setTimeout(
          () => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"),
          GRACEFUL_STOP_MS,
        ).unref();
      }),
  };
}

/**
 * Starts Azurite's Table and Blob services from devDependencies, in memory, without telemetry (PLATFORM-NOTES):
 * the tables, and the access audit's append blobs.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const port = options.port ?? (await freePort());
  const blobPort = options.blobPort ?? (await freePort());
  const table = await startService("table", port, options, "/Tables");
  const blob = await startService("blob", blobPort, options, "?comp=list").catch(async (error: unknown) => {
    await table.stop();
    throw error;
  });
  return {
    port,
    blobPort,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};` +
      `BlobEndpoint=http://127.0.0.1:${blobPort}/${AZURITE_ACCOUNT};`,
    ...(table.pid === undefined ? {} : { tablePid: table.pid }),
    stop: async () => {
      await Promise.all([table.stop(), blob.stop()]);
    },
  };
}
