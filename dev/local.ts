import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logging/logger.js";
import { startService } from "../src/server.js";
import { startAzurite } from "./azurite.js";
import { startStandIn } from "./m365/stand-in.js";

/**
 * `npm start`: everything on this machine with no configuration — Azurite (in memory), the Microsoft 365
 * stand-in (SMTP in, Graph out, a page to read the mailbox) and the service in local mode.
 */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, FC_MODE: "local" });
  const azurite = await startAzurite({ port: 10002 });
  const standIn = await startStandIn({ mailbox: config.mailbox.address });
  const service = await startService(
    loadConfig({ ...process.env, FC_MODE: "local", FC_STORAGE_CONNECTION_STRING: azurite.connectionString }),
    { logger: createLogger((line) => process.stdout.write(`${line}\n`), { component: "service" }) },
  );
  const lines = [
    "",
    "Family Centre front door — local mode (nothing here talks to Microsoft 365)",
    `  service and bot      ${service.url}  (bot: ${service.url}/api/messages)`,
    `  SMTP into the mailbox  127.0.0.1:${standIn.smtpPort}  → ${config.mailbox.address}`,
    `  Graph stand-in       ${standIn.graphBaseUrl}`,
    `  mailbox page         ${standIn.pageUrl}`,
    `  Azurite (tables)     http://127.0.0.1:${azurite.port}`,
    `  Early Help Desk      ${config.mailbox.earlyHelpDesk.join(", ")}`,
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
  const stop = async () => {
    await service.close();
    await standIn.close();
    await azurite.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Local mode could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
