import { describeError } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import type { MailSubscriptions, MailSubscriptionSettings } from "../ports/mailbox.js";
import type { Trigger } from "./inbox-pump.js";
import type { JobDeps } from "./job-deps.js";
import { SUBSCRIPTION_KEY } from "../app/mail-keys.js";
import { renewSubscription } from "./mail-jobs.js";

export type LifecycleEvent = "subscriptionRemoved" | "missed" | "reauthorizationRequired";

/** Keeps the inbox subscription alive and answers Graph's lifecycle notifications. */
export interface SubscriptionKeeper {
  /** Creates or renews the subscription now; anything that arrived while there was none is read. */
  ensure(): Promise<void>;
  /**
   * What Graph told us about the subscription: recreate it, reauthorize it (at once: Graph pauses its notifications
   * until then), or read what notifications were missed. Resolves once handled; a failure is logged, not thrown.
   */
  onLifecycle(event: LifecycleEvent): Promise<void>;
}

export function subscriptionKeeper(
  deps: JobDeps,
  subscriptions: MailSubscriptions,
  settings: MailSubscriptionSettings,
  clock: Clock,
  inbox: Trigger,
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
  // Renewal alone would keep a subscription that is not near its end: the challenge needs its own answer.
  const reauthorize = async () => {
    const id = (await deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId;
    const answer = id === undefined ? "gone" : await subscriptions.reauthorizeSubscription(id);
    if (answer === "gone") await forgetAndRecreate();
  };
  return {
    ensure,
    async onLifecycle(event) {
      // Whatever happened, notifications may have been lost meanwhile: the inbox is read again too.
      inbox.request();
      const act =
        event === "subscriptionRemoved"
          ? forgetAndRecreate
          : event === "reauthorizationRequired"
            ? reauthorize
            : undefined;
      await act?.().catch(failed);
      if (act) inbox.request();
    },
  };
}
