import { pathToFileURL } from "node:url";
import { startService } from "./compose/start-service.js";
import { ConfigError, loadConfig } from "./compose/config.js";

/** `node dist/src/server.js`: configuration from the environment, then the composition root. */
async function main(): Promise<void> {
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    // A setting the service cannot run on, read here or found out at start-up (a mailbox Graph does not serve).
    service = await startService(loadConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const stop = () => void service.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`The service stopped: ${error instanceof Error ? error.name : "error"}\n`);
    process.exit(1);
  });
}
