import type { StoredMessage } from "../../dev/m365/message.js";
import type { Store } from "../../src/store/store.js";
import { sleep } from "../support/wait.js";
import type { SentEmail } from "./mail-tally.js";

const FINAL = new Set(["logged", "ignored", "quarantined"]);
const POLL_MS = 5_000;
const bare = (id: string) => id.trim().replace(/^<|>$/g, "").toLowerCase();

export interface DrainResult {
  readonly settled: boolean;
  readonly seconds: number;
  readonly waitingMessages: number;
  readonly pendingEmail: number;
  readonly pendingTeams: number;
}

/**
 * Waits until every email sent is in the Inbox with a final ledger state, and neither outbox has anything pending
 * (held items wait for a person and are not waited for), or until `timeoutMs`.
 */
export async function drain(
  mailbox: { list(folder: "inbox"): StoredMessage[] },
  store: Store,
  sent: readonly SentEmail[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<DrainResult> {
  const started = Date.now();
  const wanted = new Set(sent.map((e) => bare(e.messageId)));
  const done = new Set<string>();
  for (;;) {
    let waitingMessages = 0;
    for (const message of mailbox.list("inbox")) {
      if (!wanted.has(bare(message.internetMessageId)) || done.has(message.id)) continue;
      const record = await store.messages.find(message.id).catch(() => undefined);
      if (record !== undefined && FINAL.has(record.state)) done.add(message.id);
      else waitingMessages++;
    }
    waitingMessages += Math.max(
      0,
      wanted.size - mailbox.list("inbox").filter((m) => wanted.has(bare(m.internetMessageId))).length,
    );
    const pendingEmail = (await store.outbox.listPending(100, "email").catch(() => [])).length;
    const pendingTeams = (await store.outbox.listPending(100, "teams").catch(() => [])).length;
    const seconds = Math.round((Date.now() - started) / 1000);
    const settled = waitingMessages === 0 && pendingEmail === 0 && pendingTeams === 0;
    log(
      `  drain ${seconds} s: ${waitingMessages} messages unsettled, outbox pending ${pendingEmail} email / ${pendingTeams} Teams`,
    );
    if (settled || Date.now() - started > timeoutMs)
      return { settled, seconds, waitingMessages, pendingEmail, pendingTeams };
    await sleep(POLL_MS);
  }
}
