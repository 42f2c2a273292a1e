import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { startAgentsPlayground } from "./agents-playground.js";
import { startLocal, stopOnSignal, type RunningLocal } from "./local.js";

/** The Agents Playground's usual port (it picks another when this one is taken). */
const PLAYGROUND_PORT = 56150;
const SEED_MAIL = join(import.meta.dirname, "seed-mail");

/** Made-up referrals sent in over the stand-in's SMTP, as any mail arrives, so `screening` has something to show. */
async function seedContacts(local: RunningLocal): Promise<number> {
  const smtp = createTransport({ host: "127.0.0.1", port: local.standIn.smtpPort, secure: false, ignoreTLS: true });
  try {
    for (const file of readdirSync(SEED_MAIL)
      .filter((name) => name.endsWith(".eml"))
      .sort()) {
      const raw = readFileSync(join(SEED_MAIL, file), "utf8");
      await smtp.sendMail({
        envelope: { from: "seed@example.org", to: [local.config.centres[0].mailbox.address] },
        raw,
      });
    }
  } finally {
    smtp.close();
  }
  await local.service.syncNow();
  return (await local.service.store.worklists.list("awaiting-screening")).items.length;
}

/**
 * `npm run playground`: `npm start`'s local mode with a couple of contacts awaiting screening, and the Microsoft 365
 * Agents Playground as Teams in front of the bot, so a person can chat with it and click through a screening with
 * no Microsoft 365 tenant. Local mode gives whoever chats every role (bot/demo-team.ts).
 */
async function main(): Promise<void> {
  const local = await startLocal({ FC_DEMO: "off", ...process.env });
  const playground = await startAgentsPlayground({
    botEndpoint: `${local.service.url}/api/messages`,
    port: PLAYGROUND_PORT,
  }).catch(async (error: unknown) => {
    await local.stop();
    throw error;
  });
  stopOnSignal(async () => {
    await playground.stop();
    await local.stop();
  });
  const awaiting = await seedContacts(local);
  const lines = [
    ...local.helpLines.slice(0, -1),
    `  Agents Playground    ${playground.url}  ← open this in a browser`,
    "",
    `${awaiting} ${awaiting === 1 ? "contact is" : "contacts are"} awaiting screening. In the Playground's chat, type`,
    "`screening`, choose a decision, add a note and click Record decision; the outcome email appears on the",
    `mailbox page (Sent Items). Type \`help\` for every command. Ctrl-C stops everything.`,
    "The Playground listens on every network interface (it has no option for 127.0.0.1 only) and lets anyone",
    "who reaches it act with every role: run it only on a machine and network you trust.",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`The playground could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
