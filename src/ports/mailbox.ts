import type { InboundMessage, MailAddress } from "../domain/mail/inbound-message.js";

/** What a mailbox adapter's "slow down" error carries, so use cases can back off without knowing the adapter. */
export interface MailboxBusy {
  readonly retryAfterSeconds: number;
}

export const isMailboxBusy = (error: unknown): error is MailboxBusy =>
  error instanceof Error && typeof (error as Partial<MailboxBusy>).retryAfterSeconds === "number";

/** A message the mailbox served but could not be read (malformed); `unreadable` is a stable error code. */
export interface UnreadableMessage {
  readonly id: string;
  readonly unreadable: string;
}

/** One page of inbox changes, read from the saved link. */
export interface InboxPage {
  /** New or changed messages, read in full. A message may come again (delta replays): handle it idempotently. */
  readonly messages: readonly InboundMessage[];
  /** Messages that could not be read: failures of their own, counted and quarantined like any other. */
  readonly unreadable?: readonly UnreadableMessage[];
  readonly removedIds: readonly string[];
  /**
   * Where reading goes on, to save once this page is handled: the round's next page, or (its last page) the link
   * the next round starts from.
   */
  readonly next: { readonly page: string } | { readonly round: string };
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

/**
 * Where a draft handed to Exchange is now. Sent Items is eventually consistent, so a sent letter may for a while
 * still show as a draft in Drafts, or in no folder at all (`missing`): neither means it was not sent.
 */
export type DraftStatus = "draft" | "sent" | "missing" | "elsewhere";

/**
 * The configured mailbox is not one Graph serves as `users/{address}`: a Microsoft 365 Group's mail, for one, is only
 * group conversations. The service cannot run on it; the message says what an admin can do.
 */
export class MailboxNotReadableError extends Error {
  readonly code = "MAILBOX.NOT_READABLE";
  override readonly name = "MailboxNotReadableError";

  constructor(detail: string) {
    super(
      `FC_MAILBOX is not a mailbox Microsoft Graph can read as users/{address} (${detail}). The service reads a user ` +
        `or shared mailbox in Exchange Online. If it is a Microsoft 365 Group, Graph gives its mail only as group ` +
        `conversations, which the service does not read: create a shared mailbox for the Family Centre, have the ` +
        `group's mail delivered to it (add the shared mailbox to the group as a member, or forward the group's mail ` +
        `to it), grant the app access to it (README, step 2) and set FC_MAILBOX to its address. If it is an ` +
        `on-premises mailbox, move it to Exchange Online.`,
    );
  }
}

export interface Mailbox {
  /**
   * One page of the mail new in the Inbox since `link` (a page's `next`), or a new round. A new round, and a resync
   * when the saved link has expired, read only mail received since `receivedSince` (never the whole Inbox).
   */
  readInboxPage(link?: string, options?: { readonly receivedSince?: string }): Promise<InboxPage>;
  getMessage(id: string): Promise<InboundMessage>;
  /**
   * Immutable ids of the mailbox's copies of a message, from its RFC 5322 Message-ID (angle brackets included, as
   * Outlook's `internetMessageId` gives it); none when the mailbox never received it.
   */
  findByInternetMessageId(internetMessageId: string): Promise<readonly string[]>;
  findSentByOutboxKey(outboxKey: string): Promise<SentMail | undefined>;
  findDraftByOutboxKey(outboxKey: string): Promise<MailDraft | undefined>;
  createDraft(mail: OutgoingMail): Promise<MailDraft>;
  /** A reply in the original's thread (Graph createReply). */
  createReplyDraft(originalMessageId: string, mail: OutgoingMail): Promise<MailDraft>;
  sendDraft(draftId: string): Promise<void>;
  draftStatus(draftId: string): Promise<DraftStatus>;
  /** Checks the mailbox is one Graph serves (a user or shared mailbox); `MailboxNotReadableError` if it is not. */
  verifyReadable(): Promise<void>;
  /**
   * Moves mail that Exchange filtered into Junk Email, received since `receivedSince`, into the Inbox, where intake
   * reads it (at most `limit` a call); answers how many were moved.
   */
  moveJunkToInbox(receivedSince: string, limit: number): Promise<number>;
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
  /**
   * Answers a `reauthorizationRequired` challenge: Graph pauses the subscription's notifications until it is
   * reauthorized (or renewed). `gone` when Graph no longer has the subscription.
   */
  reauthorizeSubscription(id: string): Promise<"reauthorized" | "gone">;
}
