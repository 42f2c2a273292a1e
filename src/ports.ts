/**
 * The small interfaces the core owns. Adapters (store/, graph/, bot/) implement them;
 * use cases (app/) and jobs depend only on these.
 */
import type { InboundMessage, MailAddress } from "./domain/mail/inbound-message.js";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// ---- Mailbox ports (Microsoft Graph adapter in src/graph/) ----

/** One round of inbox changes since the saved delta link. */
export interface InboxChanges {
  /** New or changed messages, read in full. A message may come again (delta replays): handle it idempotently. */
  readonly messages: readonly InboundMessage[];
  readonly removedIds: readonly string[];
  /** Save it: the next round starts from here. */
  readonly deltaLink: string;
  /** The saved link had expired, so the inbox was read from the start: expect messages already handled. */
  readonly resynced: boolean;
}

/** An email the outbox sends once, marked with its outbox key so a crash never sends it twice. */
export interface OutgoingMail {
  readonly outboxKey: string;
  readonly to: readonly MailAddress[];
  readonly cc?: readonly MailAddress[];
  /** A reply keeps Graph's "RE: …" subject when this is absent. */
  readonly subject?: string;
  readonly bodyText?: string;
  readonly bodyHtml?: string;
}

export interface SentMail {
  readonly id: string;
  /** UTC ISO-8601 instant. */
  readonly sentAt: string;
}

export interface MailDraft {
  readonly id: string;
}

export type SendOnceResult =
  | { readonly state: "sent"; readonly id: string; readonly sentAt: string; readonly alreadySent: boolean }
  /** Accepted for sending but not in Sent Items yet: call `sendOnce` again later (with the draft id) to confirm. */
  | { readonly state: "submitted"; readonly id: string };

export interface Mailbox {
  readInboxDelta(deltaLink?: string, options?: { readonly receivedSince?: string }): Promise<InboxChanges>;
  getMessage(id: string): Promise<InboundMessage>;
  findSentByOutboxKey(outboxKey: string): Promise<SentMail | undefined>;
  findDraftByOutboxKey(outboxKey: string): Promise<MailDraft | undefined>;
  createDraft(mail: OutgoingMail): Promise<MailDraft>;
  /** A reply in the original's thread (Graph createReply). */
  createReplyDraft(originalMessageId: string, mail: OutgoingMail): Promise<MailDraft>;
  sendDraft(draftId: string): Promise<void>;
  /** Find sent → find or create the draft → send → confirm; safe to call again after a crash at any point. */
  sendOnce(
    mail: OutgoingMail,
    options?: { readonly replyToMessageId?: string; readonly draftId?: string },
  ): Promise<SendOnceResult>;
}

export interface MailSubscription {
  readonly id: string;
  /** UTC ISO-8601 instant. */
  readonly expiresAt: string;
}

export interface MailSubscriptionSettings {
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl?: string;
  readonly clientState: string;
  readonly lifetimeMinutes: number;
  readonly renewBeforeMinutes: number;
}

export type SubscriptionAction = "created" | "renewed" | "recreated" | "kept";

/** Change notifications for new inbox mail. */
export interface MailSubscriptions {
  ensureSubscription(
    settings: MailSubscriptionSettings,
    stored: MailSubscription | undefined,
    now: Date,
  ): Promise<MailSubscription & { readonly action: SubscriptionAction }>;
  deleteSubscription(id: string): Promise<void>;
}
