/**
 * The small interfaces the core owns. Adapters (store/, graph/, bot/) implement them;
 * use cases (app/) and jobs depend only on these.
 */
import type { Case, CaseState } from "./domain/case.js";
import type { CaseEvent } from "./domain/case-events.js";
import type { Contact, ContactKind } from "./domain/contact.js";
import type { WorklistName } from "./domain/worklists.js";
import type { InboundMessage, MailAddress } from "./domain/mail/inbound-message.js";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// ---- Store ports (Azure Tables adapters in src/store/, in-memory twins in src/store/memory/) ----

/** A case as read, with the ETag every write of it must carry. */
export interface StoredCase {
  readonly case: Case;
  readonly contacts: readonly Contact[];
  readonly etag: string;
}

/** The case row without its log: what queues and rebuilds scan. `lastSeq` versions it. */
export type CaseHeader = Omit<Case, "events"> & { readonly lastSeq: number };

/**
 * A case as its worklist rows need it: the header, and for a worker's list the first due instant of each running
 * clock, so that a manager's view can count red clocks from the list alone.
 */
export type WorklistCase = CaseHeader & { readonly clockDues?: readonly string[] };

/** One worker's open cases and the first due instant of each of their running clocks. */
export interface WorkerCaseload {
  readonly cases: number;
  readonly clockDues: readonly string[];
}

export interface CaseRepository {
  findCase(id: string): Promise<StoredCase | undefined>;
  /** Throws `CaseNotFoundError` (STORE.NOT_FOUND). */
  getCase(id: string): Promise<StoredCase>;
  /** Writes the case, its events and contacts in one transaction; `CaseAlreadyExistsError` if the id is taken. */
  create(kase: Case, events: readonly CaseEvent[], contacts: readonly Contact[]): Promise<StoredCase>;
  /**
   * Saves `nextCase` and appends `newEvents` (seqs continuing the log) in one transaction, guarded by the ETag read.
   * Throws `ConcurrencyError` (STORE.CONFLICT, retryable) when someone else changed the case since.
   */
  append(
    caseId: string,
    etag: string,
    nextCase: Case,
    newEvents: readonly CaseEvent[],
    newContacts?: readonly Contact[],
  ): Promise<StoredCase>;
  /** Allocates the next `FC-<year>-<6 digits>` id. */
  nextCaseId(year: number): Promise<string>;
  listCaseHeaders(): AsyncIterable<CaseHeader>;
}

export type MessageState = "claimed" | "logged" | "ignored" | "quarantined";

/** What the service did with one inbound message (keyed by its immutable id). */
export interface MessageRecord {
  readonly messageId: string;
  readonly state: MessageState;
  readonly claimedAt: string;
  readonly caseId?: string;
  readonly contactId?: string;
  /** Why it was not logged as a contact (e.g. "autoreply"); never personal data. */
  readonly reason?: string;
  /** Handling attempts that failed unexpectedly (the poison-message count). */
  readonly failedAttempts?: number;
}

export type ClaimResult = { readonly claimed: true } | { readonly claimed: false; readonly existing: MessageRecord };

/** Idempotency for mail intake: each message is handled once. */
export interface MessageLedger {
  claim(messageId: string, now: Date): Promise<ClaimResult>;
  find(messageId: string): Promise<MessageRecord | undefined>;
  /**
   * Reserves the case a claimed message opens, before the case is written, so that a retry after a crash opens
   * the same case rather than a second one. Returns the case id already reserved, if any, else `caseId`.
   */
  reserveCase(messageId: string, caseId: string): Promise<string>;
  markLogged(messageId: string, caseId: string, contactId: string): Promise<void>;
  markIgnored(messageId: string, reason: string): Promise<void>;
  /** Counts one failed attempt at handling a claimed message, with its error code; returns the attempts so far. */
  recordFailure(messageId: string, reasonCode: string): Promise<number>;
  /** Sets a message aside after repeated failures, so the inbox round moves on; `reasonCode` is never personal data. */
  markQuarantined(messageId: string, reasonCode: string): Promise<void>;
}

/** One case on one queue; no names of children or families. */
export interface WorklistEntry {
  readonly list: WorklistName;
  readonly caseId: string;
  readonly state: CaseState;
  readonly kind: ContactKind;
  readonly openedAt: string;
  readonly summary?: string;
  readonly leadWorkerId?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Present while there may be more; an empty page can still carry one. */
  readonly continuation?: string;
}

/** Every item of a paged read, page after page: for lists known to be short (an agenda, the long-open cases). */
export async function everyItem<T>(read: (continuation?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let continuation: string | undefined;
  do {
    const page = await read(continuation);
    items.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return items;
}

/** `fresh`: the case was just created, so its index rows need no read first (a retry is still safe). */
export interface IndexWriteOptions {
  readonly fresh?: boolean;
}

export interface Worklists {
  /** Puts the case on exactly the lists `worklistsFor` names (idempotent; an older version never overwrites a newer). */
  sync(kase: WorklistCase, options?: IndexWriteOptions): Promise<void>;
  list(name: WorklistName, options?: { top?: number; continuation?: string }): Promise<Page<WorklistEntry>>;
  /** Every worker's caseload (staff id → caseload; a worker with none is absent), in one read of the worker lists. */
  workerCaseloads(): Promise<ReadonlyMap<string, WorkerCaseload>>;
  /** Recomputes every list from the cases given (normally `CaseRepository.listCaseHeaders()`). */
  rebuild(cases: AsyncIterable<WorklistCase>): Promise<void>;
}

/** One due instant of one clock instance, indexed by when it falls due. */
export interface DeadlineEntry {
  readonly caseId: string;
  readonly rule: string;
  readonly instance: number;
  readonly threshold: "expected" | "maximum";
  /** UTC ISO-8601 instant. */
  readonly dueAt: string;
  readonly workerId?: string;
}

export interface DeadlineIndex {
  /** Replaces everything indexed for the case with `entries`. */
  replaceForCase(caseId: string, entries: readonly DeadlineEntry[], options?: IndexWriteOptions): Promise<void>;
  /** Entries due in [from, to), ordered by due instant. */
  dueBetween(from: Date, to: Date): Promise<DeadlineEntry[]>;
  /** Replaces the whole index with the entries given (normally recomputed from every open case). */
  rebuild(
    source: AsyncIterable<{ readonly caseId: string; readonly entries: readonly DeadlineEntry[] }>,
  ): Promise<void>;
}

/** A clock instance that finished (met or cancelled), kept for the compliance report; no personal data. */
export interface ClockOutcomeEntry {
  readonly caseId: string;
  readonly rule: string;
  readonly instance: number;
  /** London date (YYYY-MM-DD) the clock stopped or was cancelled: the report's period is in London days. */
  readonly finishedOn: string;
  readonly outcome: "on-time" | "late" | "cancelled";
  /** Whether a late clock still met the rule's maximum (only when the rule has both). */
  readonly withinMaximum?: boolean;
  /** The reason recorded for exceeding it, if any. */
  readonly reason?: string;
}

/** A panel decision, kept by the London day it was made so an agenda shows what was decided today. */
export interface PanelDecisionEntry {
  readonly caseId: string;
  readonly panel: string;
  readonly seq: number;
  readonly outcome: string;
  /** UTC ISO-8601 */
  readonly at: string;
  readonly decidedOn: string;
  readonly byId: string;
  readonly byKind: "staff" | "system";
  readonly byName?: string;
}

/** An open case by when it opened: long-open cases (11.4) are a range of it. */
export interface OpenCaseEntry {
  readonly caseId: string;
  readonly openedAt: string;
  readonly leadWorkerId?: string;
}

/** What one case contributes to the reports; recomputed from the case on every change. */
export interface CaseReportFacts {
  readonly clockOutcomes: readonly ClockOutcomeEntry[];
  readonly decisions: readonly PanelDecisionEntry[];
  /** Absent once the case is closed. */
  readonly open?: OpenCaseEntry;
}

/**
 * The reports' index (the `Compliance` table): kept in step with each case as it changes, so a report costs
 * O(what happened in its period), never O(all cases).
 */
export interface ComplianceIndex {
  /** Makes the case's rows exactly `facts`; `version` (its last event seq) stops an older view overwriting a newer. */
  replaceForCase(caseId: string, version: number, facts: CaseReportFacts, options?: IndexWriteOptions): Promise<void>;
  /** Clocks that finished on London dates in [fromDate, toDate] (inclusive). */
  clockOutcomes(fromDate: string, toDate: string): Promise<ClockOutcomeEntry[]>;
  /** Decisions made on a London date, oldest first. */
  decisionsOn(date: string): Promise<PanelDecisionEntry[]>;
  /** Open cases opened in [from, before) (UTC instants), oldest first. */
  openBetween(
    from: string,
    before: string,
    options?: { top?: number; continuation?: string },
  ): Promise<Page<OpenCaseEntry>>;
}

export type OutboxState = "pending" | "drafted" | "sent" | "held" | "failed";

/** Who sends an item: the mailbox (letters) or the Teams bot (agendas, digests, nudges). */
export type OutboxChannel = "email" | "teams";

export interface NewOutboxItem {
  readonly caseId: string;
  /** Deterministic (`<case>~<rule>~<n>` or `<case>~<purpose>~<contactId>`): the same side effect always has the same key. */
  readonly key: string;
  readonly channel: OutboxChannel;
  readonly purpose: string;
  /** What the sender needs (recipients, template id, view model); kept in the case's partition. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Starts held (waiting for a person to release it) rather than pending. */
  readonly held?: boolean;
}

export interface OutboxItem extends NewOutboxItem {
  readonly state: OutboxState;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly draftId?: string;
  readonly sentItemId?: string;
  readonly failureReason?: string;
  readonly etag: string;
}

export type OutboxTransition =
  | { readonly to: "drafted"; readonly draftId: string }
  | { readonly to: "sent"; readonly sentItemId: string }
  | { readonly to: "held" }
  | { readonly to: "pending" }
  | { readonly to: "failed"; readonly reason: string };

export interface Outbox {
  /** Insert-if-absent: a second enqueue of the same key returns the existing item with `enqueued: false`. */
  enqueue(item: NewOutboxItem, now: Date): Promise<{ readonly enqueued: boolean; readonly item: OutboxItem }>;
  /**
   * Several items of one case, each as `enqueue` would: when none is there yet they are written together (one
   * transaction, plus one per partition of their index rows), else one by one.
   */
  enqueueAll(
    items: readonly NewOutboxItem[],
    now: Date,
  ): Promise<ReadonlyArray<{ readonly enqueued: boolean; readonly item: OutboxItem }>>;
  get(caseId: string, key: string): Promise<OutboxItem | undefined>;
  /** ETag-guarded; `ConcurrencyError` if another sender moved it first. */
  transition(item: OutboxItem, change: OutboxTransition, now: Date): Promise<OutboxItem>;
  /** Items still to send (pending, or drafted and awaiting confirmation), oldest first; only `channel`'s if given. */
  listPending(limit: number, channel?: OutboxChannel): Promise<OutboxItem[]>;
  /**
   * Held items of `channel` waiting for one conversation (the `conversation` their payload names, e.g. `duty` or
   * `user~<id>`), oldest first, at most `limit`. Release one with `transition(item, { to: "pending" })`.
   */
  listHeld(channel: OutboxChannel, conversation: ConversationKey, limit: number): Promise<OutboxItem[]>;
}

export interface Lease {
  readonly name: string;
  readonly holderId: string;
  readonly expiresAt: string;
  readonly etag: string;
}

export type LeaseResult =
  | { readonly acquired: true; readonly lease: Lease }
  | { readonly acquired: false; readonly heldBy: string; readonly until: string };

export interface Leases {
  acquire(name: string, holderId: string, ttlMs: number, now: Date): Promise<LeaseResult>;
  renew(lease: Lease, ttlMs: number, now: Date): Promise<LeaseResult>;
  release(lease: Lease): Promise<void>;
}

export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** Simple typed records (Sync, Conversations, Staff, Settings). */
export interface RecordStore<T> {
  get(key: string): Promise<Versioned<T> | undefined>;
  /** Without `etag`: create (`AlreadyExistsError` if present). With it: replace if unchanged (`ConcurrencyError`). */
  put(key: string, value: T, etag?: string): Promise<Versioned<T>>;
  list(): Promise<Array<Versioned<T> & { readonly key: string }>>;
}

/** A counter per key and period (acknowledgements per sender per day). */
export interface QuotaCounter {
  readonly count: number;
}

/** Delta link and subscription of one mailbox folder. */
export interface SyncState {
  /** Where the next inbox read starts: the last round's delta link, or the next page of a round stopped part-way. */
  readonly deltaLink?: string;
  readonly subscriptionId?: string;
  readonly subscriptionExpiresAt?: string;
  readonly clientState?: string;
  /** The London date of the last complete nightly repair (src/jobs/nightly-repair.ts). */
  readonly lastRepairDate?: string;
}

/** A Teams conversation reference kept for proactive messages (opaque to the core). */
export interface StoredConversation {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly hoursPerWeek?: number;
  readonly managerId?: string;
  readonly caseloadLimit?: number;
}

export interface CentreSettings {
  readonly profileId: string;
  readonly closureDays: readonly string[];
  /** Chat ids by purpose (`duty`, `screening`, `maam`, `transfer-panel`). */
  readonly chatIds: Readonly<Record<string, string>>;
  /** England & Wales bank holidays an admin imported from GOV.UK's bank-holidays.json (sorted by date). */
  readonly bankHolidays?: readonly { readonly date: string; readonly name: string }[];
}

// ---- Mailbox ports (Microsoft Graph adapter in src/graph/) ----

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

export type SendOnceResult =
  | { readonly state: "sent"; readonly id: string; readonly sentAt: string; readonly alreadySent: boolean }
  /** Accepted for sending but not in Sent Items yet: call `sendOnce` again later (with the draft id) to confirm. */
  | { readonly state: "submitted"; readonly id: string };

export interface Mailbox {
  /** One page of what changed in the Inbox since `link` (a page's `next`), or from the start. */
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

// ---- Teams ports (botbuilder adapter in bot/) ----

/** Where a proactive message goes: a stored conversation reference's key (`duty`, `screening`, `user~<id>`…). */
export type ConversationKey = string;

/** The duty chat: triage cards, and notices for clocks no practitioner holds yet. */
export const DUTY_CONVERSATION: ConversationKey = "duty";

/**
 * Posts and updates Adaptive Cards in Teams conversations the app is installed in. Jobs and use cases send through
 * the outbox (channel "teams"), so each agenda, digest and nudge is sent once.
 */
/**
 * The `code` a notifier's error carries when no conversation is stored for a key: the app is not installed there
 * yet, or no manager has chosen the panel's chat. Waiting will not help; a person has to act.
 */
export const CONVERSATION_UNKNOWN = "BOT.CONVERSATION_UNKNOWN";

export const isConversationUnknown = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: unknown }).code === CONVERSATION_UNKNOWN;

export interface TeamsNotifier {
  post(
    conversation: ConversationKey,
    card: Readonly<Record<string, unknown>>,
  ): Promise<{ readonly activityId: string }>;
  update(conversation: ConversationKey, activityId: string, card: Readonly<Record<string, unknown>>): Promise<void>;
}
