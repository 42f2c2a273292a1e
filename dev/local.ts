import { pathToFileURL } from "node:url";
import { loadConfig, type Config } from "../src/compose/config.js";
import { createLogger } from "../src/logging/logger.js";
import { startService, type RunningService } from "../src/compose/start-service.js";
import { startAzurite, type RunningAzurite } from "./azurite.js";
import { startStandIn, type StandIn } from "./m365/stand-in.js";

export interface RunningLocal {
  readonly config: Config;
  readonly azurite: RunningAzurite;
  readonly standIn: StandIn;
  readonly service: RunningService;
  /** Where everything is, for a person to read. */
  readonly helpLines: readonly string[];
  stop(): Promise<void>;
}

/**
 * Everything on this machine with no configuration — Azurite (in memory), the Microsoft 365 stand-in (SMTP in,
 * Graph out, a page to read the mailbox) and the service in local mode, on their usual ports.
 */
export async function startLocal(env: NodeJS.ProcessEnv = process.env): Promise<RunningLocal> {
  // `npm start` opens on the demo centre's history unless FC_DEMO=off.
  env = { FC_DEMO: "on", ...env };
  const config = loadConfig({ ...env, FC_MODE: "local" });
  const azurite = await startAzurite({ port: 10002, blobPort: 10000 });
  const [first] = config.centres;
  // Every centre's mailbox (FC_LOCAL_CENTRES=N), each with its own folders, delta links and limits.
  const standIn = await startStandIn({
    mailboxes: [...config.centres, ...(config.frontDoor ? [config.frontDoor] : [])].map(({ mailbox }) => ({
      address: mailbox.address,
      displayName: mailbox.centreName,
    })),
  });
  const service = await startService(
    loadConfig({ ...env, FC_MODE: "local", FC_STORAGE_CONNECTION_STRING: azurite.connectionString }),
    { logger: createLogger((line) => process.stdout.write(`${line}\n`), { component: "service" }) },
  );
  const helpLines = [
    "",
    "Family Centre front door — local mode (nothing here talks to Microsoft 365)",
    `  service and bot      ${service.url}  (bot: ${service.url}/api/messages)`,
    `  SMTP into the mailboxes 127.0.0.1:${standIn.smtpPort}  → ${standIn.addresses().join(", ")}`,
    `  Graph stand-in       ${standIn.graphBaseUrl}`,
    `  mailbox page         ${standIn.pageUrl}`,
    `  Azurite (tables)     http://127.0.0.1:${azurite.port}`,
    `  Azurite (audit blobs) http://127.0.0.1:${azurite.blobPort}`,
    `  Early Help Desk      ${first.mailbox.earlyHelpDesk.join(", ")}`,
    `  demo centre          ${config.demo ? "three months of made-up history, seeding in the background (FC_DEMO=off: start empty)" : "off: starts empty"}`,
    "",
  ];
  return {
    config,
    azurite,
    standIn,
    service,
    helpLines,
    async stop() {
      await service.close();
      await standIn.close();
      await azurite.stop();
    },
  };
}

/** Runs `stop` on Ctrl-C or SIGTERM, then exits. */
export function stopOnSignal(stop: () => Promise<void>): void {
  const exit = () => void stop().finally(() => process.exit(0));
  process.once("SIGINT", exit);
  process.once("SIGTERM", exit);
}

/** `npm start`. */
async function main(): Promise<void> {
  const local = await startLocal();
  process.stdout.write(local.helpLines.join("\n") + "\n");
  stopOnSignal(() => local.stop());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Local mode could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
