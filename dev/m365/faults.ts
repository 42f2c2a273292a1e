import { z } from "zod";
import { badRequest, GraphError } from "./errors.js";
import { sameAddress } from "./message.js";

const throttleSchema = z.strictObject({
  status: z.union([z.literal(429), z.literal(503)]),
  everyNth: z.number().int().positive().optional(),
  probability: z.number().min(0).max(1).optional(),
  retryAfterSeconds: z.number().int().nonnegative(),
  /** Throttles only requests for this mailbox (its address); without it, every request. */
  mailbox: z.string().optional(),
});

const settingsSchema = z.strictObject({
  throttle: throttleSchema.nullable(),
  enforceMailboxLimits: z.boolean(),
  dropNotifications: z.number().min(0).max(1),
  duplicateNotifications: z.number().min(0).max(1),
  reorderNotifications: z.boolean(),
  expireDeltaTokens: z.boolean(),
  latencyMs: z.number().int().nonnegative(),
  /** A sent message reaches Sent Items after a random delay in this range, as Exchange's transport takes time. */
  sentItemsDelayMs: z
    .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
    .refine((d) => d.min <= d.max, "min must not exceed max")
    .nullable(),
  /** Share of `/send` calls whose response is lost after Exchange took the message (the connection is cut). */
  dropSendResponses: z.number().min(0).max(1),
  /** createReply keeps the marker (extended properties, X- headers) of its `message` out of the draft. */
  createReplyDropsMarker: z.boolean(),
  /** How long a new Inbox message takes to show in delta (a notification may come before it does). */
  deltaLagMs: z.number().int().nonnegative(),
});
export type FaultSettings = z.infer<typeof settingsSchema>;

/** The control API's body: any settings, plus one-off actions on a subscription. */
export const faultRequestSchema = settingsSchema.partial().extend({
  removeSubscription: z.string().optional(),
  sendMissed: z.string().optional(),
  sendReauthorizationRequired: z.string().optional(),
});

const NO_FAULTS: FaultSettings = {
  throttle: null,
  enforceMailboxLimits: false,
  dropNotifications: 0,
  duplicateNotifications: 0,
  reorderNotifications: false,
  expireDeltaTokens: false,
  latencyMs: 0,
  sentItemsDelayMs: null,
  dropSendResponses: 0,
  createReplyDropsMarker: false,
  deltaLagMs: 0,
};

/** What faults act on, supplied by the stand-in. */
export interface FaultTargets {
  expireDeltaTokens(): void;
  removeSubscription(id: string): Promise<void>;
  sendLifecycle(id: string, event: "missed" | "reauthorizationRequired"): Promise<void>;
  servesMailbox(address: string): boolean;
}

/**
 * Failures switched on at run time, with a seeded random source so that a run repeats exactly.
 * `expireDeltaTokens` acts once: every delta token issued so far becomes unknown (410 on its next use).
 */
export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS };
  private throttleCount = 0;

  constructor(
    readonly random: () => number,
    private readonly targets: FaultTargets,
  ) {}

  get(): FaultSettings {
    return { ...this.settings };
  }

  set(change: Partial<FaultSettings>): FaultSettings {
    const parsed = settingsSchema.partial().safeParse(change);
    if (!parsed.success) throw badRequest("InvalidFaults", `Fault settings not understood: ${parsed.error.message}`);
    const { expireDeltaTokens, ...rest } = parsed.data;
    const mailbox = rest.throttle?.mailbox;
    if (mailbox !== undefined && !this.targets.servesMailbox(mailbox))
      throw badRequest("InvalidFaults", `The stand-in serves no mailbox '${mailbox}' to throttle.`);
    if (rest.throttle !== undefined) this.throttleCount = 0;
    this.settings = { ...this.settings, ...rest };
    if (expireDeltaTokens) this.targets.expireDeltaTokens();
    return this.get();
  }

  reset(): void {
    this.settings = { ...NO_FAULTS };
    this.throttleCount = 0;
  }

  removeSubscription(id: string): Promise<void> {
    return this.targets.removeSubscription(id);
  }

  sendMissed(id: string): Promise<void> {
    return this.targets.sendLifecycle(id, "missed");
  }

  sendReauthorizationRequired(id: string): Promise<void> {
    return this.targets.sendLifecycle(id, "reauthorizationRequired");
  }

  /** The injected 429/503 this request, for `mailbox` (its address) or for none, gets, if any. */
  injectedThrottle(mailbox: string | undefined): GraphError | undefined {
    const throttle = this.settings.throttle;
    if (!throttle) return undefined;
    if (throttle.mailbox !== undefined && !(mailbox !== undefined && sameAddress(mailbox, throttle.mailbox)))
      return undefined;
    this.throttleCount += 1;
    const byCount = throttle.everyNth !== undefined && this.throttleCount % throttle.everyNth === 0;
    const byChance = throttle.probability !== undefined && this.random() < throttle.probability;
    const always = throttle.everyNth === undefined && throttle.probability === undefined;
    if (!(byCount || byChance || always)) return undefined;
    const headers = { "Retry-After": String(throttle.retryAfterSeconds) };
    return throttle.status === 429
      ? new GraphError(429, "ApplicationThrottled", "Application is over its request limit (stand-in fault).", headers)
      : new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable (stand-in fault).", headers);
  }

  /** How long the next sent message takes to reach Sent Items (0: at once). */
  sentItemsDelay(): number {
    const delay = this.settings.sentItemsDelayMs;
    if (!delay) return 0;
    return Math.round(delay.min + this.random() * (delay.max - delay.min));
  }

  /** Whether the response to this `/send` is lost (the message goes all the same). */
  dropsSendResponse(): boolean {
    return this.settings.dropSendResponses > 0 && this.random() < this.settings.dropSendResponses;
  }

  dropsNotification(): boolean {
    return this.settings.dropNotifications > 0 && this.random() < this.settings.dropNotifications;
  }

  /** How many times to send a notification: 1, or 2–3 when duplicating. */
  copiesOfNotification(): number {
    const duplicate = this.settings.duplicateNotifications > 0 && this.random() < this.settings.duplicateNotifications;
    return duplicate ? 2 + Math.floor(this.random() * 2) : 1;
  }
}
