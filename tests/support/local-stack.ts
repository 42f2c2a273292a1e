import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { freePort } from "../../dev/azurite.js";
import { startStandIn, type StandIn } from "../../dev/m365/stand-in.js";
import type { CentreEntry } from "../../src/compose/centres-file.js";
import { loadConfig } from "../../src/compose/config.js";
import { createLogger } from "../../src/logging/logger.js";
import { startService, type RunningService } from "../../src/compose/start-service.js";

export const GROUP_MAILBOX = "familycentre@council.example";
export const FIXTURES = join(import.meta.dirname, "../fixtures/mail");

export interface SentItem {
  readonly id: string;
  readonly subject: string;
  readonly to: readonly string[];
  readonly conversationId: string;
  readonly body: string;
}

export interface LocalStack {
  readonly standIn: StandIn;
  readonly service: RunningService;
  /** Every line the service logged, to check that none carries personal data. */
  readonly logLines: string[];
  /** The environment the operator CLI needs to reach this stack's store. */
  readonly cliEnv: Record<string, string>;
  sendFixture(name: string, edit?: (raw: string) => string): Promise<void>;
  /** Over SMTP to the first centre's mailbox, or to `to` (another centre's). */
  sendRaw(raw: string, to?: string): Promise<void>;
  /** Sent Items (the first centre's, or `mailbox`'s), read through the stand-in's Graph API as any Graph client would. */
  sentItems(mailbox?: string): Promise<SentItem[]>;
  close(): Promise<void>;
}

/** The local mode of `npm start` on ephemeral ports: stand-in (SMTP + Graph), the service, real Azurite. */
export async function startLocalStack(
  azuriteConnectionString: string,
  tablePrefix: string,
  options: {
    readonly demo?: boolean;
    /** Several centres (issue 21), as FC_CENTRES_FILE gives them; the stand-in serves each one's mailbox. */
    readonly centres?: readonly CentreEntry[];
    /** The county's shared Front Door address (FC_FRONT_DOOR_MAILBOX), served by the stand-in too. */
    readonly frontDoor?: string;
  } = {},
): Promise<LocalStack> {
  const served =
    options.centres === undefined
      ? { mailbox: GROUP_MAILBOX }
      : {
          mailboxes: [
            ...options.centres.map((c) => ({ address: c.mailbox, displayName: c.name })),
            ...(options.frontDoor === undefined ? [] : [{ address: options.frontDoor, displayName: "Front Door" }]),
          ],
        };
  const standIn = await startStandIn({ smtpPort: 0, graphPort: 0, ...served, seed: 7 });
  const port = await freePort();
  const logLines: string[] = [];
  const env = {
    FC_MODE: "local",
    FC_PORT: String(port),
    FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
    FC_STORAGE_CONNECTION_STRING: azuriteConnectionString,
    FC_TABLE_PREFIX: tablePrefix,
    // The demo centre's history only where a test asks for it: the others count what they send in themselves.
    FC_DEMO: options.demo === true ? "on" : "off",
    ...(options.centres === undefined ? {} : { FC_CENTRES_FILE: centresFile(options.centres) }),
    ...(options.frontDoor === undefined ? {} : { FC_FRONT_DOOR_MAILBOX: options.frontDoor }),
  };
  const config = loadConfig(env);
  const service = await startService(config, { logger: createLogger((line) => logLines.push(line)) });
  const smtp = createTransport({ host: "127.0.0.1", port: standIn.smtpPort, secure: false, ignoreTLS: true });
  const sendRaw = async (raw: string, to = GROUP_MAILBOX) => {
    await smtp.sendMail({ envelope: { from: "sender@example.org", to: [to] }, raw });
  };
  return {
    standIn,
    service,
    logLines,
    cliEnv: env,
    sendRaw,
    sendFixture: (name, edit = (raw) => raw) => sendRaw(edit(readFileSync(join(FIXTURES, name), "utf8"))),
    async sentItems(mailbox = GROUP_MAILBOX) {
      const url = `${standIn.graphBaseUrl}/users/${mailbox}/mailFolders/sentitems/messages?$select=subject,toRecipients,conversationId,body&$top=100`;
      const response = await fetch(url, { headers: { Authorization: "Bearer e2e" } });
      const json = (await response.json()) as {
        value: Array<{
          id: string;
          subject: string;
          conversationId: string;
          toRecipients: Array<{ emailAddress: { address: string } }>;
          body: { content: string };
        }>;
      };
      return json.value.map((m) => ({
        id: m.id,
        subject: m.subject,
        conversationId: m.conversationId,
        to: m.toRecipients.map((r) => r.emailAddress.address),
        body: m.body.content,
      }));
    },
    async close() {
      smtp.close();
      await service.close();
      await standIn.close();
    },
  };
}

function centresFile(centres: readonly CentreEntry[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "fc-centres-")), "centres.json");
  writeFileSync(path, JSON.stringify({ centres }));
  return path;
}

/** Polls until `check` passes (real mail flows through real servers: no fixed sleeps). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Runs the operator CLI as an operator would (`npm run --silent fc -- …`), as its own process. */
export function runFc(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      { env: { PATH: process.env.PATH ?? "", ...env } },
      (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }),
    );
  });
}
