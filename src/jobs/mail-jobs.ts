import { deliverOutbox, type OutboxRound } from "../app/deliver-outbox.js";
import { syncInbox, type InboxSyncResult } from "../app/sync-inbox.js";
import type { MailSubscriptions, MailSubscriptionSettings, SubscriptionAction } from "../ports.js";
import type { JobDeps } from "./job-deps.js";

/** Where the inbox subscription is kept in `deps.sync`. */
export const SUBSCRIPTION_KEY = "subscription";

/** The safety net under change notifications: a delta round catches any notification Graph lost. */
export const inboxSafetyNet = (deps: JobDeps, holderId: string): Promise<InboxSyncResult> => syncInbox(deps, holderId);

/** Sends the email outbox (letters); Teams items are the Teams drain's. */
export const drainEmailOutbox = (deps: JobDeps): Promise<OutboxRound> => deliverOutbox(deps);

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
