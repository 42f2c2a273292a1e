import { DEFAULT_CENTRE_ID } from "../../src/compose/config-schema.js";
import { TableClient } from "@azure/data-tables";
import type { StoredMessage } from "../../dev/m365/message.js";
import type { Store } from "../../src/store/store.js";
import { encodeKey } from "../../src/store/keys.js";
import { sleep } from "../support/wait.js";
import type { SentEmail } from "./mail-tally.js";

const FINAL = new Set(["logged", "ignored", "quarantined"]);
const POLL_MS = 10_000;
const bare = (id: string) => id.trim().replace(/^<|>$/g, "").toLowerCase();

export interface DrainResult {
  readonly settled: boolean;
  readonly seconds: number;
  /** Sent but not yet in the Inbox, or in it without a final ledger state: late, not (yet) lost. */
  readonly waitingMessages: number;
  /** Letters sent but not yet in Sent Items (the stand-in's transport delay). */
  readonly lettersInTransit: number;
  readonly pendingEmail: number;
  readonly pendingTeams: number;
}

/** The ledger rows (by row key) with a final state, in one query rather than a read per message. */
async function finishedRows(ledger: TableClient): Promise<Set<string>> {
  const done = new Set<string>();
  for await (const row of ledger.listEntities<{ state?: string }>({ queryOptions: { select: ["RowKey", "state"] } }))
    if (FINAL.has(row.state ?? "")) done.add(row.rowKey ?? "");
  return done;
}

/**
 * Waits until every email sent is in the Inbox with a final ledger state, neither outbox has anything pending (held
 * items wait for a person and are not waited for) and every letter sent has reached Sent Items, or `timeoutMs`.
 */
export async function drain(
  mailbox: { list(folder: "inbox"): StoredMessage[]; inTransit(): number },
  storage: { readonly store: Store; readonly connectionString: string },
  sent: readonly SentEmail[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<DrainResult> {
  const started = Date.now();
  const ledger = TableClient.fromConnectionString(storage.connectionString, `${DEFAULT_CENTRE_ID}Messages`, {
    allowInsecureConnection: true,
  });
  const wanted = new Set(sent.map((e) => bare(e.messageId)));
  for (;;) {
    const done = await finishedRows(ledger).catch(() => new Set<string>());
    const ours = mailbox.list("inbox").filter((m) => wanted.has(bare(m.internetMessageId)));
    const arrived = new Set(ours.map((m) => bare(m.internetMessageId)));
    const waitingMessages = ours.filter((m) => !done.has(encodeKey(m.id))).length + (wanted.size - arrived.size);
    const pendingEmail = (await storage.store.outbox.listPending(100, "email").catch(() => [])).length;
    const pendingTeams = (await storage.store.outbox.listPending(100, "teams").catch(() => [])).length;
    const lettersInTransit = mailbox.inTransit();
    const seconds = Math.round((Date.now() - started) / 1000);
    const settled = waitingMessages === 0 && pendingEmail === 0 && pendingTeams === 0 && lettersInTransit === 0;
    log(
      `  drain ${seconds} s: ${waitingMessages} messages unsettled, outbox pending ${pendingEmail} email / ${pendingTeams} Teams, ${lettersInTransit} letters on their way to Sent Items`,
    );
    if (settled || Date.now() - started > timeoutMs)
      return { settled, seconds, waitingMessages, pendingEmail, pendingTeams, lettersInTransit };
    await sleep(POLL_MS);
  }
}
