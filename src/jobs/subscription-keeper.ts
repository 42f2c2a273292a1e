import { describeError } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import type { MailSubscriptions, MailSubscriptionSettings } from "../ports/mailbox.js";
import type { Trigger } from "./inbox-pump.js";
import type { JobDeps } from "./job-deps.js";
import { SUBSCRIPTION_KEY } from "../app/mail-keys.js";
import { renewSubscription } from "./mail-jobs.js";
import { systemTimer, type Timer } from "./scheduler.js";

const LIFECYCLE_EVENTS = ["subscriptionRemoved", "missed", "reauthorizationRequired"] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

export const isLifecycleEvent = (value: string): value is LifecycleEvent =>
  (LIFECYCLE_EVENTS as readonly string[]).includes(value);

/** An answer to Graph that failed (the store or Graph briefly away) is tried again after each of these. */
const RETRY_AFTER_MS = [5_000, 15_000, 45_000];

/** Keeps the inbox subscription alive and answers Graph's lifecycle notifications. */
export interface SubscriptionKeeper {
  /** Creates or renews the subscription now; anything that arrived while there was none is read. */
  ensure(): Promise<void>;
  /**
   * What Graph told us about a subscription: recreate it, reauthorize it (at once: Graph pauses its notifications
   * until then, and loses them), or read what notifications were missed. An answer that fails is tried again a few
   * times. Resolves once handled; a failure is logged, not thrown.
   */
  onLifecycle(event: LifecycleEvent, subscriptionId?: string): Promise<void>;
}

export function subscriptionKeeper(
  deps: JobDeps,
  subscriptions: MailSubscriptions,
  settings: MailSubscriptionSettings,
  clock: Clock,
  inbox: Trigger,
  timer: Timer = systemTimer,
): SubscriptionKeeper {
  const failed = (error: unknown) => deps.logger.error("graph.subscription.failed", describeError(error));
  const ensure = async () => {
    const action = await renewSubscription(deps, subscriptions, settings, clock.now());
    if (action !== "kept") inbox.request();
  };
  const forgetAndRecreate = async () => {
    const stored = await deps.sync.get(SUBSCRIPTION_KEY);
    if (stored) await deps.sync.put(SUBSCRIPTION_KEY, {}, stored.etag);
    await ensure();
  };
  /**
   * Renewal alone would keep a subscription that is not near its end: the challenge needs its own answer, for the
   * subscription Graph names (one a stopped process made but never saved notifies us too). One Graph no longer has
   * is recreated, if it was the one we keep.
   */
  const reauthorize = async (named: string | undefined) => {
    const id = named ?? (await keptId());
    const answer = id === undefined ? "gone" : await subscriptions.reauthorizeSubscription(id);
    if (answer === "gone" && (await isKept(named))) await forgetAndRecreate();
  };
  /** Graph removed a subscription: ours is made again; one a stopped process made and never saved is let go. */
  const removed = async (named: string | undefined) => {
    if (await isKept(named)) await forgetAndRecreate();
  };
  const keptId = async () => (await deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId;
  const isKept = async (named: string | undefined) => {
    const kept = await keptId();
    return named === undefined || kept === undefined || named === kept;
  };
  const persist = (act: () => Promise<void>, tries = 0): Promise<void> =>
    act().catch((error: unknown) => {
      failed(error);
      const delay = RETRY_AFTER_MS[tries];
      if (delay === undefined) return;
      return new Promise<void>((resolve) => timer.set(() => resolve(persist(act, tries + 1)), delay));
    });
  return {
    ensure,
    async onLifecycle(event, subscriptionId) {
      // Whatever happened, notifications may have been lost meanwhile: the inbox is read again too.
      inbox.request();
      if (event === "missed") return;
      await persist(() => (event === "subscriptionRemoved" ? removed(subscriptionId) : reauthorize(subscriptionId)));
      inbox.request();
    },
  };
}
