import { randomUUID } from "node:crypto";
import { z } from "zod";
import { badRequest, GraphError, notFound } from "./errors.js";
import { graphInstant } from "./graph-format.js";
import type { StoredMessage } from "./message.js";
import type { NotificationSender } from "./notification-sender.js";

/** Graph's limit for message subscriptions without resource data: 10,080 minutes. */
const MAX_LIFETIME_MS = 10_080 * 60 * 1000;

const createSchema = z.object({
  changeType: z.string(),
  notificationUrl: z.url(),
  lifecycleNotificationUrl: z.url().optional(),
  resource: z.string(),
  expirationDateTime: z.string(),
  clientState: z.string().max(128).optional(),
  includeResourceData: z.boolean().optional(),
  latestSupportedTlsVersion: z.string().optional(),
});

export interface Subscription {
  readonly id: string;
  readonly resource: string;
  readonly applicationId: string;
  readonly changeType: string;
  readonly clientState: string | null;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  readonly creatorId: string;
  readonly includeResourceData: false;
  readonly latestSupportedTlsVersion: string;
  readonly encryptionCertificate: null;
  readonly encryptionCertificateId: null;
  readonly notificationUrlAppId: null;
}

/** Graph's word on a subscription beyond its resource: whether it waits to be reauthorized (delivery paused). */
interface SubscriptionState {
  paused: boolean;
  /** The next repeat of an unanswered challenge. */
  repeat?: NodeJS.Timeout;
}

export interface SubscriptionContext {
  readonly now: () => Date;
  /** While a challenge goes unanswered Graph sends it again (every 15 minutes in Graph; sooner here). */
  readonly reauthorizationRepeatMs: number;
  readonly userId: string;
  readonly mailboxAddress: string;
  readonly tenantId: string;
  readonly validationTimeoutMs: number;
}

export const subscriptionNotFound = (id: string): GraphError =>
  new GraphError(404, "ResourceNotFound", `The object was not found (subscription ${id}).`);

/**
 * The user a subscription resource names, when it is a mailbox's Inbox messages (`users/{id}/mailFolders('inbox')/
 * messages`; `me` names no user); undefined when it is anything else.
 */
export function inboxResource(resource: string): { readonly user: string | undefined } | undefined {
  const match = /^\/?(?:users\/([^/]+)|me)\/mailFolders(?:\('([^']+)'\)|\/([^/]+))\/messages$/i.exec(resource);
  const folder = (match?.[2] ?? match?.[3] ?? "").toLowerCase();
  return match && folder === "inbox" ? { user: match[1] } : undefined;
}

/** Subscriptions to one mailbox's Inbox's `created` messages, with Graph's validation handshake and notifications. */
export class Subscriptions {
  private readonly byId = new Map<string, Subscription>();
  private readonly states = new Map<string, SubscriptionState>();

  constructor(
    private readonly context: SubscriptionContext,
    private readonly sender: NotificationSender,
  ) {}

  async create(body: unknown): Promise<Subscription> {
    const parsed = createSchema.safeParse(body);
    if (!parsed.success)
      throw badRequest("InvalidRequest", `The subscription request is not valid: ${parsed.error.message}`);
    const request = parsed.data;
    if (request.includeResourceData) {
      throw badRequest("InvalidRequest", "The stand-in does not support includeResourceData (rich notifications).");
    }
    if (!this.isInboxMessages(request.resource)) {
      throw badRequest(
        "InvalidRequest",
        `The stand-in supports only the Inbox of a mailbox it serves: users/{id}/mailFolders('inbox')/messages, not '${request.resource}'.`,
      );
    }
    if (!request.changeType.split(",").some((c) => c.trim() === "created")) {
      throw badRequest("InvalidRequest", "The stand-in notifies only changeType 'created'.");
    }
    const expiration = this.checkedExpiration(request.expirationDateTime);
    await this.validate(request.notificationUrl);
    if (request.lifecycleNotificationUrl) await this.validate(request.lifecycleNotificationUrl);
    const subscription: Subscription = {
      id: randomUUID(),
      resource: request.resource,
      applicationId: "00000000-0000-0000-0000-00000000fc01",
      changeType: request.changeType,
      clientState: request.clientState ?? null,
      notificationUrl: request.notificationUrl,
      lifecycleNotificationUrl: request.lifecycleNotificationUrl ?? null,
      expirationDateTime: expiration,
      creatorId: "00000000-0000-0000-0000-00000000fc02",
      includeResourceData: false,
      latestSupportedTlsVersion: request.latestSupportedTlsVersion ?? "v1_2",
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationUrlAppId: null,
    };
    this.byId.set(subscription.id, subscription);
    this.states.set(subscription.id, { paused: false });
    return subscription;
  }

  renew(id: string, body: unknown): Subscription {
    const subscription = this.get(id);
    const parsed = z.object({ expirationDateTime: z.string() }).safeParse(body);
    if (!parsed.success) throw badRequest("InvalidRequest", "Renewing a subscription needs expirationDateTime.");
    subscription.expirationDateTime = this.checkedExpiration(parsed.data.expirationDateTime);
    this.resume(id); // renewing reauthorizes too
    return subscription;
  }

  /** `POST /subscriptions/{id}/reauthorize`: delivery, paused by a reauthorizationRequired challenge, resumes. */
  reauthorize(id: string): void {
    this.get(id);
    this.resume(id);
  }

  /** Whether delivery is paused until the subscription is reauthorized or renewed. */
  isPaused(id: string): boolean {
    return this.states.get(id)?.paused === true;
  }

  delete(id: string): void {
    if (!this.byId.delete(id)) throw notFound(`subscription ${id}`);
    this.resume(id);
    this.states.delete(id);
  }

  get(id: string): Subscription {
    const subscription = this.find(id);
    if (!subscription) throw subscriptionNotFound(id);
    return subscription;
  }

  find(id: string): Subscription | undefined {
    const subscription = this.byId.get(id);
    return subscription && !this.expired(subscription) ? subscription : undefined;
  }

  list(): Subscription[] {
    return [...this.byId.values()].filter((s) => !this.expired(s));
  }

  /**
   * A `created` change notification for every live subscription. One waiting to be reauthorized gets none: its
   * notifications are lost, as Graph loses them, and the client must read what it missed.
   */
  notifyCreated(message: StoredMessage): void {
    const resource = `Users/${this.context.userId}/Messages/${message.id}`;
    for (const subscription of this.list()) {
      if (this.isPaused(subscription.id)) {
        this.sender.withheld();
        continue;
      }
      this.sender.sendChange(subscription.notificationUrl, {
        value: [
          {
            subscriptionId: subscription.id,
            subscriptionExpirationDateTime: subscription.expirationDateTime,
            changeType: "created",
            resource,
            resourceData: {
              "@odata.type": "#Microsoft.Graph.Message",
              "@odata.id": resource,
              "@odata.etag": `W/"${message.changeKey}"`,
              id: message.id,
            },
            clientState: subscription.clientState,
            tenantId: this.context.tenantId,
          },
        ],
      });
    }
  }

  /** Graph removed the subscription: delete it and tell the lifecycle endpoint. */
  async remove(id: string): Promise<void> {
    const subscription = this.get(id);
    this.byId.delete(id);
    this.resume(id);
    this.states.delete(id);
    await this.sendLifecycle(subscription, "subscriptionRemoved");
  }

  /** Sends a lifecycle event; a reauthorizationRequired challenge also pauses delivery until it is answered. */
  async lifecycle(id: string, event: "missed" | "reauthorizationRequired"): Promise<void> {
    const subscription = this.get(id);
    if (event === "reauthorizationRequired") this.challenge(id);
    await this.sendLifecycle(subscription, event);
  }

  /** Pauses delivery, and sends the challenge again every so often until it is answered. */
  private challenge(id: string): void {
    this.resume(id);
    const repeat = setTimeout(() => {
      const subscription = this.byId.get(id);
      if (subscription && this.isPaused(id)) void this.lifecycle(id, "reauthorizationRequired").catch(() => undefined);
    }, this.context.reauthorizationRepeatMs);
    repeat.unref();
    this.states.set(id, { paused: true, repeat });
  }

  clear(): void {
    for (const id of this.states.keys()) this.resume(id);
    this.byId.clear();
    this.states.clear();
  }

  private resume(id: string): void {
    clearTimeout(this.states.get(id)?.repeat);
    this.states.set(id, { paused: false });
  }

  private async sendLifecycle(subscription: Subscription, lifecycleEvent: string): Promise<void> {
    if (!subscription.lifecycleNotificationUrl) {
      throw badRequest(
        "NoLifecycleNotificationUrl",
        `Subscription ${subscription.id} has no lifecycleNotificationUrl.`,
      );
    }
    await this.sender.sendLifecycle(subscription.lifecycleNotificationUrl, {
      value: [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          lifecycleEvent,
          resource: subscription.resource,
          clientState: subscription.clientState,
          tenantId: this.context.tenantId,
        },
      ],
    });
  }

  private isInboxMessages(resource: string): boolean {
    const inbox = inboxResource(resource);
    if (!inbox) return false;
    const user = inbox.user?.toLowerCase();
    return (
      user === undefined ||
      [this.context.mailboxAddress.toLowerCase(), this.context.userId.toLowerCase()].includes(user)
    );
  }

  private checkedExpiration(value: string): string {
    const at = Date.parse(value);
    const now = this.context.now().getTime();
    if (Number.isNaN(at) || at <= now || at > now + MAX_LIFETIME_MS) {
      throw badRequest(
        "InvalidRequest",
        `expirationDateTime must be in the future and at most 10080 minutes from now; '${value}' is not.`,
      );
    }
    return graphInstant(new Date(at));
  }

  /** Graph's handshake: POST `?validationToken=…`, expect 200 text/plain echoing it within 10 s. */
  private async validate(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set("validationToken", token);
    const failure = badRequest(
      "ValidationError",
      `Subscription validation request failed. The endpoint must answer 200 text/plain echoing validationToken within ${this.context.validationTimeoutMs / 1000} s.`,
    );
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        signal: AbortSignal.timeout(this.context.validationTimeoutMs),
      });
      const echoed = await response.text();
      const contentType = response.headers.get("content-type") ?? "";
      if (response.status !== 200 || echoed !== token || !contentType.startsWith("text/plain")) throw failure;
    } catch {
      throw failure;
    }
  }

  private expired(subscription: Subscription): boolean {
    return Date.parse(subscription.expirationDateTime) <= this.context.now().getTime();
  }
}
