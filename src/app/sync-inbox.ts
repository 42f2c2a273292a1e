import type { InboundMessage } from "../domain/mail/inbound-message.js";
import { describeError } from "../logging/logger.js";
import { recordInboxLag } from "../logging/telemetry.js";
import { isMailboxBusy, type InboxPage, type UnreadableMessage } from "../ports/mailbox.js";
import type { SetAsideNote } from "../ports/message-ledger.js";
import type { AppDeps } from "./app-deps.js";
import { AppError, leaseLost } from "./errors.js";
import { receivedSince, SYNC_KEY, withIntakeStart } from "./inbox-bounds.js";
import { logInboundMessage, type IntakeResult } from "./log-inbound-message.js";
import { setAsideNote } from "./set-aside-note.js";

export type InboxSyncResult =
  | { readonly ran: false; readonly heldBy: string }
  | {
      readonly ran: true;
      readonly messages: number;
      readonly logged: number;
      readonly ignored: number;
      readonly alreadyHandled: number;
      /** Failed this round; read again next round (the delta link stays) until quarantined. */
      readonly failed: number;
      /** Failed too often and set aside for a duty worker, so that later mail never waits behind it. */
      readonly quarantined: number;
      readonly resynced: boolean;
    };

/**
 * What a round does with each message it reads, and who is told of one set aside after POISON_ATTEMPTS failures: a
 * centre's intake logs contacts and tells its duty chat; the county's shared Front Door address routes them.
 */
export interface InboxIntake {
  take(message: InboundMessage): Promise<Taken>;
  quarantined(notice: QuarantineNotice): Promise<void>;
}

/** What became of one message, as the round counts it. */
export interface Taken {
  readonly outcome: IntakeResult["outcome"];
}

export interface QuarantineNotice {
  readonly messageId: string;
  readonly reason: string;
  readonly attempts: number;
  readonly receivedAt?: string;
}

/** A centre's own mailbox: each message logged as a contact; a quarantined one named in the duty chat. */
export const centreIntake = (deps: AppDeps): InboxIntake => ({
  take: (message) => logInboundMessage(deps, message),
  async quarantined({ messageId, reason, attempts, receivedAt }) {
    await deps.outbox.enqueue(
      {
        caseId: QUARANTINE_PARTITION,
        key: `quarantine~${messageId}`,
        channel: "teams",
        purpose: "quarantine",
        payload: {
          conversation: "duty", // the duty chat's stored conversation key
          messageId,
          ...(receivedAt ? { receivedAt } : {}),
          reason,
          attempts,
        },
      },
      deps.clock.now(),
    );
  },
});

/** What an inbox round reads and writes besides what its intake does. */
export type InboxRoundDeps = Pick<AppDeps, "leases" | "clock" | "mailbox" | "sync" | "messages" | "logger" | "centre">;

const LEASE_MS = 5 * 60_000;
/** One mailbox's inbox round at a time, whichever instance (or the notified and safety-net rounds of one) runs it. */
export const inboxRoundLease = (mailbox: string): string => `inbox-sync~${mailbox}`;
/** A message that fails this many rounds running is a poison message: quarantined, never retried again. */
export const POISON_ATTEMPTS = 3;

/**
 * Reads what is new in the Inbox (delta query), a page at a time, and logs each message once. Leased, so that two
 * instances never read the same mailbox at once. Bounded: no round reads mail received before go-live, and a resync
 * (the saved link expired) reads from just before the last complete round, never the whole Inbox again. Once a page
 * is handled, the link to read on from is saved, so a round stopped part-way (a crash, a restart, throttling past our
 * retries) goes on from its last handled page rather than from the start. If a message fails, the others are still handled but the saved link stays before its page:
 * the next round reads it again (the ledger skips what was done); a message that fails POISON_ATTEMPTS rounds is
 * quarantined and the duty worker told, so the delta moves on.
 */
export function syncInbox(deps: AppDeps, holderId: string): Promise<InboxSyncResult> {
  return readInboxRound(deps, holderId, centreIntake(deps));
}

/** An inbox round over any mailbox the service reads, each message taken by `intake` (see syncInbox). */
export async function readInboxRound(
  deps: InboxRoundDeps,
  holderId: string,
  intake: InboxIntake,
): Promise<InboxSyncResult> {
  const name = inboxRoundLease(deps.centre.mailbox);
  const acquired = await deps.leases.acquire(name, holderId, LEASE_MS, deps.clock.now());
  if (!acquired.acquired) return { ran: false, heldBy: acquired.heldBy };
  let lease = acquired.lease;
  const keepLease = async () => {
    if (Date.parse(lease.expiresAt) - deps.clock.now().getTime() >= LEASE_MS / 2) return;
    const renewed = await deps.leases.renew(lease, LEASE_MS, deps.clock.now());
    if (!renewed.acquired) throw leaseLost(name);
    lease = renewed.lease;
  };
  try {
    const roundStart = deps.clock.now();
    const start = await withIntakeStart(deps, roundStart);
    let saved = start.saved;
    const bound = { receivedSince: receivedSince(start.intakeFrom, saved?.value) };
    const counts = { logged: 0, ignored: 0, alreadyHandled: 0, failed: 0, quarantined: 0 };
    let messages = 0;
    let resynced = false;
    let reading = deps.mailbox.readInboxPage(saved?.value.deltaLink, bound);
    for (;;) {
      const page = await reading;
      // The next page is read while this one is handled: a page read waits on Graph, handling on the tables.
      if ("page" in page.next) reading = readAhead(deps, page.next.page, bound);
      messages += page.messages.length;
      resynced ||= page.resynced;
      for (const message of page.messages) {
        const result = await logOrCountFailure(deps, intake, message);
        counts[outcomeCount(result)]++;
        recordLag(deps, message, result);
        await keepLease();
      }
      for (const unreadable of page.unreadable ?? []) {
        counts[outcomeCount(await countUnreadable(deps, intake, unreadable))]++;
      }
      const onward = "page" in page.next ? page.next.page : page.next.round;
      // Once a message of this round has failed, the saved link stays before it, so the next round reads it again.
      // A round read to its end is the last good one: a later resync reads from just before it.
      if (counts.failed === 0) {
        const complete = "page" in page.next ? {} : { lastGoodAt: roundStart.toISOString() };
        saved = await deps.sync.put(SYNC_KEY, { ...(saved?.value ?? {}), deltaLink: onward, ...complete }, saved?.etag);
      }
      if (!("page" in page.next)) break;
    }
    deps.logger.info("inbox.synced", { messages, ...counts, resynced });
    return { ran: true, messages, ...counts, resynced };
  } finally {
    await deps.leases.release(lease);
  }
}

/** A page read ahead of its turn; if the round stops first, its failure is the round's, never an unhandled one. */
function readAhead(deps: InboxRoundDeps, link: string, bound: { readonly receivedSince?: string }): Promise<InboxPage> {
  const reading = deps.mailbox.readInboxPage(link, bound);
  reading.catch(() => undefined);
  return reading;
}

type Outcome = Taken | { readonly outcome: "failed" | "quarantined" };

/** The inbox's lag, for a message handled now (not one handled before, nor one that will be tried again). */
function recordLag(deps: InboxRoundDeps, message: InboundMessage, result: Outcome): void {
  if (result.outcome === "already-handled" || result.outcome === "failed") return;
  recordInboxLag((deps.clock.now().getTime() - Date.parse(message.receivedAt)) / 1000, result.outcome);
}

const outcomeCount = (result: Outcome): "logged" | "ignored" | "alreadyHandled" | "failed" | "quarantined" =>
  result.outcome === "already-handled" ? "alreadyHandled" : result.outcome;

/** Error codes only: an error's message may quote the mail (names, addresses), which must never be stored or logged. */
const reasonCodeOf = (error: unknown): string => {
  const { errorName, errorCode } = describeError(error);
  return typeof errorCode === "string" ? errorCode : String(errorName ?? "UNKNOWN");
};

/**
 * One message's failure stays its own: counted in the ledger, and after POISON_ATTEMPTS set aside with a Teams notice
 * for the duty chat. A lost lease or a throttled mailbox is the round's problem, not the message's: rethrown.
 */
async function logOrCountFailure(deps: InboxRoundDeps, intake: InboxIntake, message: InboundMessage) {
  try {
    return await intake.take(message);
  } catch (error) {
    if (isMailboxBusy(error) || (error instanceof AppError && error.code === "APP.LEASE_LOST")) throw error;
    deps.logger.warn("intake.failed", { messageId: message.id, ...describeError(error) });
    return await failOrQuarantine(deps, intake, message.id, reasonCodeOf(error), setAsideNote(message));
  }
}

/**
 * A message the mailbox served but could not read (malformed) takes the same path as one that failed: counted, and
 * quarantined after POISON_ATTEMPTS rounds, so the delta moves on. Claimed first, as the ledger requires.
 */
async function countUnreadable(
  deps: InboxRoundDeps,
  intake: InboxIntake,
  unreadable: UnreadableMessage,
): Promise<Outcome> {
  const claim = await deps.messages.claim(unreadable.id, deps.clock.now());
  if (!claim.claimed && claim.existing.state !== "claimed") return { outcome: "already-handled" };
  deps.logger.warn("intake.unreadable", { messageId: unreadable.id, errorCode: unreadable.unreadable });
  return failOrQuarantine(deps, intake, unreadable.id, unreadable.unreadable);
}

async function failOrQuarantine(
  deps: InboxRoundDeps,
  intake: InboxIntake,
  messageId: string,
  reason: string,
  /** Unknown for a message that could not be read: it is listed by when it was set aside. */
  note?: SetAsideNote,
): Promise<Outcome> {
  const attempts = await deps.messages.recordFailure(messageId, reason);
  if (attempts < POISON_ATTEMPTS) return { outcome: "failed" };
  await deps.messages.markQuarantined(messageId, reason, note ?? { receivedAt: deps.clock.now().toISOString() });
  const receivedAt = note?.receivedAt;
  await intake.quarantined({ messageId, reason, attempts, ...(receivedAt ? { receivedAt } : {}) });
  deps.logger.error("intake.quarantined", { messageId, reason, attempts });
  return { outcome: "quarantined" };
}

/** Quarantine notices belong to no case yet: they share one outbox partition. */
const QUARANTINE_PARTITION = "intake";
