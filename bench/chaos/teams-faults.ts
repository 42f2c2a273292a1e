import { installed, post, type Sender } from "../../dev/teams/activities.js";
import type { FakeConnector } from "../../dev/teams/fake-connector.js";
import type { NewOutboxItem } from "../../src/ports/outbox.js";
import type { Store } from "../../src/store/store.js";

/** Someone who installed the app, then blocked the bot: Teams refuses every message to them (403). */
const BLOCKED: Sender = { id: "29:chaos-blocked", aadObjectId: "chaos-blocked", name: "Chaos Blocked" };
const BLOCKED_CHAT = "a:chaos-blocked-personal";
/** A notice whose card cannot fit a Teams message (40 KB as UTF-16): its one field is 30,000 characters. */
const OVERSIZED_FIELD = "x".repeat(30_000);

export interface TeamsFaultSizes {
  readonly blocked: number;
  readonly oversized: number;
}

const notice = (key: string, conversation: string, reason: string): NewOutboxItem => ({
  caseId: "~quarantine",
  key,
  channel: "teams",
  purpose: "quarantine",
  payload: { conversation, reason, attempts: 5 },
});

/**
 * Teams faults the outbox must not jam on, queued ahead of everything the run sends: notices to a person who blocked
 * the bot (403 MessageWritesBlocked) and notices too large for a Teams message. Together they are more than a drain
 * round takes (20), so a drain that put them back to retry would never reach a newer item.
 */
export async function queueTeamsFaults(
  serviceUrl: string,
  connector: FakeConnector,
  store: Store,
  now: Date,
  sizes: TeamsFaultSizes,
): Promise<void> {
  const place = { type: "personal", id: BLOCKED_CHAT } as const;
  const { status } = await post(`${serviceUrl}/api/messages`, installed(connector.serviceUrl, BLOCKED, place));
  if (status >= 300) throw new Error(`the bot answered ${status} to the blocked person's install`);
  connector.block(BLOCKED_CHAT);
  for (let n = 0; n < sizes.blocked; n++) {
    await store.outbox.enqueue(notice(`quarantine~chaos-blocked-${n}`, `user~${BLOCKED.aadObjectId}`, "GRAPH.X"), now);
  }
  for (let n = 0; n < sizes.oversized; n++) {
    await store.outbox.enqueue(notice(`quarantine~chaos-oversized-${n}`, "duty", OVERSIZED_FIELD), now);
  }
}

export interface TeamsFaultTally {
  /** Held for a person, by why: the blocked person, a card too large, anything else. */
  readonly held: { readonly blocked: number; readonly oversized: number; readonly other: number };
  /** Sends Teams refused, by status: 403 once (the reference is forgotten), 413 never (measured first). */
  readonly refusedByTeams: Readonly<Record<string, number>>;
}

/** What became of the faults: every one held with its reason, none left to retry. */
export async function tallyTeamsFaults(store: Store, connector: FakeConnector): Promise<TeamsFaultTally> {
  const held = { blocked: 0, oversized: 0, other: 0 };
  let continuation: string | undefined;
  do {
    const page = await store.outbox.listHeldPage("teams", { limit: 100, ...(continuation ? { continuation } : {}) });
    for (const item of page.items) {
      const reason = item.failureReason ?? "";
      if (item.key.startsWith("quarantine~chaos-blocked") && /403|has not installed/.test(reason)) held.blocked++;
      else if (item.key.startsWith("quarantine~chaos-oversized") && /40 KB|MessageSizeTooBig/.test(reason))
        held.oversized++;
      else held.other++;
    }
    continuation = page.continuation;
  } while (continuation !== undefined);
  const refusedByTeams: Record<string, number> = {};
  for (const refusal of connector.refused) refusedByTeams[refusal.status] = (refusedByTeams[refusal.status] ?? 0) + 1;
  return { held, refusedByTeams };
}
