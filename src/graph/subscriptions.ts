import type { Logger } from "../logging/logger.js";
import type {
  MailSubscription,
  MailSubscriptions,
  MailSubscriptionSettings,
  SubscriptionAction,
} from "../ports/mailbox.js";
import { GraphMailboxError } from "./errors.js";
import type { GraphClient } from "./graph-client.js";

/** Graph's longest lifetime for a mail subscription without resource data (10,080 minutes, 7 days). */
export const MAX_SUBSCRIPTION_MINUTES = 10_080;

const MINUTE_MS = 60_000;
const OPERATION = "keep the inbox subscription for new mail";

export type SubscriptionPlan = "create" | "renew" | "keep";

/** Create when there is none, renew once within `renewBeforeMinutes` of expiry (or past it), else keep. */
export const planSubscription = (
  stored: MailSubscription | undefined,
  settings: Pick<MailSubscriptionSettings, "renewBeforeMinutes">,
  now: Date,
): SubscriptionPlan => {
  if (!stored) return "create";
  const expiresAt = Date.parse(stored.expiresAt);
  if (Number.isNaN(expiresAt)) return "renew";
  return expiresAt - now.getTime() <= settings.renewBeforeMinutes * MINUTE_MS ? "renew" : "keep";
};

export const checkSettings = (settings: MailSubscriptionSettings): void => {
  const { lifetimeMinutes, renewBeforeMinutes } = settings;
  if (!Number.isInteger(lifetimeMinutes) || lifetimeMinutes < 1 || lifetimeMinutes > MAX_SUBSCRIPTION_MINUTES) {
    throw new RangeError(
      `The subscription lifetime must be 1 to ${MAX_SUBSCRIPTION_MINUTES} minutes, not ${lifetimeMinutes}.`,
    );
  }
  if (!(renewBeforeMinutes >= 0 && renewBeforeMinutes < lifetimeMinutes)) {
    throw new RangeError(
      `Renew-before (${renewBeforeMinutes} min) must be shorter than the lifetime (${lifetimeMinutes} min).`,
    );
  }
};

interface GraphSubscription {
  readonly id: string;
  readonly expirationDateTime: string;
}

/** Inbox `created` subscription of one mailbox: created, renewed early, recreated when Graph has dropped it. */
export class GraphMailSubscriptions implements MailSubscriptions {
  constructor(
    private readonly graph: GraphClient,
    /** `users/{id or address}` of the mailbox. */
    private readonly userPath: string,
    private readonly log: Logger,
  ) {}

  async ensureSubscription(
    settings: MailSubscriptionSettings,
    stored: MailSubscription | undefined,
    now: Date,
  ): Promise<MailSubscription & { readonly action: SubscriptionAction }> {
    checkSettings(settings);
    const plan = planSubscription(stored, settings, now);
    if (plan === "keep" && stored) return { ...stored, action: "kept" };
    const expirationDateTime = new Date(now.getTime() + settings.lifetimeMinutes * MINUTE_MS).toISOString();
    if (plan === "renew" && stored) {
      try {
        const renewed = await this.graph.patch<GraphSubscription>(
          `subscriptions/${encodeURIComponent(stored.id)}`,
          { expirationDateTime },
          { operation: OPERATION, resource: `subscription ${stored.id}` },
        );
        return this.#result(renewed, expirationDateTime, "renewed");
      } catch (error) {
        if (!(error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND")) throw error;
        this.log.warn("graph.subscription.gone", { subscriptionId: stored.id });
        return this.#create(settings, expirationDateTime, "recreated");
      }
    }
    return this.#create(settings, expirationDateTime, "created");
  }

  async deleteSubscription(id: string): Promise<void> {
    try {
      await this.graph.delete(`subscriptions/${encodeURIComponent(id)}`, {
        operation: OPERATION,
        resource: `subscription ${id}`,
      });
    } catch (error) {
      if (!(error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND")) throw error;
    }
  }

  async reauthorizeSubscription(id: string): Promise<"reauthorized" | "gone"> {
    try {
      await this.graph.post(`subscriptions/${encodeURIComponent(id)}/reauthorize`, undefined, {
        operation: OPERATION,
        resource: `subscription ${id}`,
      });
    } catch (error) {
      if (!(error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND")) throw error;
      this.log.warn("graph.subscription.gone", { subscriptionId: id });
      return "gone";
    }
    this.log.info("graph.subscription.reauthorized", { subscriptionId: id });
    return "reauthorized";
  }

  async #create(
    settings: MailSubscriptionSettings,
    expirationDateTime: string,
    action: SubscriptionAction,
  ): Promise<MailSubscription & { readonly action: SubscriptionAction }> {
    const created = await this.graph.post<GraphSubscription>(
      "subscriptions",
      {
        changeType: "created",
        notificationUrl: settings.notificationUrl,
        ...(settings.lifecycleNotificationUrl ? { lifecycleNotificationUrl: settings.lifecycleNotificationUrl } : {}),
        resource: `${this.userPath}/mailFolders('inbox')/messages`,
        expirationDateTime,
        clientState: settings.clientState,
      },
      { operation: OPERATION },
    );
    return this.#result(created, expirationDateTime, action);
  }

  #result(
    answer: GraphSubscription | undefined,
    requested: string,
    action: SubscriptionAction,
  ): MailSubscription & { readonly action: SubscriptionAction } {
    if (!answer?.id)
      throw new GraphMailboxError(
        "GRAPH.REQUEST_FAILED",
        "Microsoft Graph answered a subscription request without an id.",
      );
    const expiresAt = new Date(answer.expirationDateTime ?? requested).toISOString();
    this.log.info("graph.subscription." + action, { subscriptionId: answer.id, expiresAt });
    return { id: answer.id, expiresAt, action };
  }
}
