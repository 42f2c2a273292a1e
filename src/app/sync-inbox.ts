import type { AppDeps } from "./app-deps.js";
import { leaseLost } from "./errors.js";
import { logInboundMessage } from "./log-inbound-message.js";

export type InboxSyncResult =
  | { readonly ran: false; readonly heldBy: string }
  | {
      readonly ran: true;
      readonly messages: number;
      readonly logged: number;
      readonly ignored: number;
      readonly alreadyHandled: number;
      readonly resynced: boolean;
    };

const SYNC_KEY = "inbox";
const LEASE_MS = 5 * 60_000;

/**
 * Reads what is new in the Inbox (delta query) and logs each message once. Leased, so that two instances never
 * read the same mailbox at once. The delta link is saved only after every message of the round is handled: if
 * anything fails, the next round reads the same messages again and the ledger skips what was already done.
 */
export async function syncInbox(deps: AppDeps, holderId: string): Promise<InboxSyncResult> {
  const name = `inbox-sync~${deps.centre.mailbox}`;
  const acquired = await deps.leases.acquire(name, holderId, LEASE_MS, deps.clock.now());
  if (!acquired.acquired) return { ran: false, heldBy: acquired.heldBy };
  let lease = acquired.lease;
  try {
    const stored = await deps.sync.get(SYNC_KEY);
    const changes = await deps.mailbox.readInboxDelta(stored?.value.deltaLink);
    const counts = { logged: 0, ignored: 0, alreadyHandled: 0 };
    for (const message of changes.messages) {
      const result = await logInboundMessage(deps, message);
      counts[result.outcome === "logged" ? "logged" : result.outcome === "ignored" ? "ignored" : "alreadyHandled"]++;
      if (Date.parse(lease.expiresAt) - deps.clock.now().getTime() < LEASE_MS / 2) {
        const renewed = await deps.leases.renew(lease, LEASE_MS, deps.clock.now());
        if (!renewed.acquired) throw leaseLost(name);
        lease = renewed.lease;
      }
    }
    const next = { ...(stored?.value ?? {}), deltaLink: changes.deltaLink };
    await deps.sync.put(SYNC_KEY, next, stored?.etag);
    deps.logger.info("inbox.synced", { messages: changes.messages.length, ...counts, resynced: changes.resynced });
    return { ran: true, messages: changes.messages.length, ...counts, resynced: changes.resynced };
  } finally {
    await deps.leases.release(lease);
  }
}
