import { deliverOutbox, type OutboxRound } from "../app/deliver-outbox.js";
import type { AppDeps } from "../app/app-deps.js";
import { syncInbox, type InboxSyncResult } from "../app/sync-inbox.js";
import { describeError } from "../logging/logger.js";
import {
  MailboxNotReadableError,
  type MailSubscriptions,
  type MailSubscriptionSettings,
  type SubscriptionAction,
} from "../ports/mailbox.js";
import { SUBSCRIPTION_KEY } from "../app/mail-keys.js";
import type { JobDeps } from "./job-deps.js";

/** The safety net under change notifications: a delta round catches any notification Graph lost. */
export const inboxSafetyNet = (deps: JobDeps, holderId: string): Promise<InboxSyncResult> => syncInbox(deps, holderId);

/**
 * At start: the configured mailbox must be one Graph serves (a user or shared mailbox), else the service stops with
 * what to do. A passing failure (Graph unreachable, throttled) is only logged: the jobs try again anyway.
 */
export async function checkMailboxAtStart(deps: AppDeps): Promise<void> {
  try {
    await deps.mailbox.verifyReadable();
  } catch (error) {
    if (error instanceof MailboxNotReadableError) throw error;
    deps.logger.warn("mailbox.check-skipped", describeError(error));
  }
}

/** Letters listed per outbox round, and sent at once: Exchange serves 4 requests per mailbox; the inbox keeps one. */
const OUTBOX_BATCH = 20;
const OUTBOX_CONCURRENCY = 3;
/** How long one drain keeps going through a backlog before leaving the rest to its next run. */
export const DRAIN_FOR_MS = 45_000;

/**
 * Sends the email outbox (letters; Teams items are the Teams drain's) round after round while rounds still send
 * something, so a backlog goes out at the pace Exchange allows instead of one round per tick. Stops when a round
 * sends nothing (the outbox is empty, or what is left is held or waiting) or took all there was (what comes since is
 * the next tick's: listing it now would cost a query for little), when Exchange asks us to wait, or after
 * DRAIN_FOR_MS.
 */
export async function drainEmailOutbox(deps: AppDeps): Promise<OutboxRound> {
  const total = { sent: 0, held: 0, waiting: 0, failed: 0, throttled: false, drained: false };
  const until = deps.clock.now().getTime() + DRAIN_FOR_MS;
  for (;;) {
    const round: OutboxRound = await deliverOutbox(deps, OUTBOX_BATCH, OUTBOX_CONCURRENCY);
    total.sent += round.sent;
    total.held += round.held;
    total.failed += round.failed;
    total.waiting = round.waiting;
    total.throttled = round.throttled;
    total.drained = round.drained;
    if (round.throttled || round.sent === 0 || round.drained || deps.clock.now().getTime() >= until) return total;
  }
}

/**
 * Keeps the inbox subscription alive: renews it before it lapses, and recreates it when Graph removed it (the
 * adapter finds out); the new id and expiry are saved, ETag-guarded, for the next round and the webhook.
 */
export async function renewSubscription(
  deps: JobDeps,
  subscriptions: MailSubscriptions,
  settings: MailSubscriptionSettings,
  now: Date,
): Promise<SubscriptionAction> {
  const stored = await deps.sync.get(SUBSCRIPTION_KEY);
  const { subscriptionId, subscriptionExpiresAt } = stored?.value ?? {};
  const current =
    subscriptionId === undefined || subscriptionExpiresAt === undefined
      ? undefined
      : { id: subscriptionId, expiresAt: subscriptionExpiresAt };
  const ensured = await subscriptions.ensureSubscription(settings, current, now);
  if (ensured.action !== "kept") {
    const next = {
      ...(stored?.value ?? {}),
      subscriptionId: ensured.id,
      subscriptionExpiresAt: ensured.expiresAt,
      clientState: settings.clientState,
    };
    await deps.sync.put(SUBSCRIPTION_KEY, next, stored?.etag);
  }
  deps.logger.info("subscription.ensured", { action: ensured.action, expiresAt: ensured.expiresAt });
  return ensured.action;
}
