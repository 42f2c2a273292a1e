import { StoreError } from "./errors.js";
import type { ConversationKey } from "./teams.js";

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
  /** Why it failed, or why it is held for a person (a Teams message Teams refused, a chat that is gone). */
  readonly failureReason?: string;
  /** Put back to be tried again no sooner than this (UTC ISO-8601): it waits behind newer items until then. */
  readonly retryAt?: string;
  readonly etag: string;
}

export type OutboxTransition =
  | { readonly to: "drafted"; readonly draftId: string }
  | { readonly to: "sent"; readonly sentItemId: string }
  /** `reason`: why it cannot go, for the person who releases it (kept as the item's `failureReason`). */
  | { readonly to: "held"; readonly reason?: string }
  /** With `retryAt`: a try that failed (counted in `attempts`), queued again for then. */
  | { readonly to: "pending"; readonly retryAt?: Date }
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
  /** Every item of one case, whatever its state (subject access, rectification, retention). */
  listForCase(caseId: string): Promise<OutboxItem[]>;
  /**
   * Data protection: the item's payload replaced (the text corrected or redacted), its state untouched; ETag-guarded,
   * `ConcurrencyError` if it moved since it was read.
   */
  rewritePayload(item: OutboxItem, payload: Readonly<Record<string, unknown>>): Promise<OutboxItem>;
  /** Retention: deletes every item of the case and its index rows; answers how many items. */
  deleteForCase(caseId: string): Promise<number>;
  /** ETag-guarded; `ConcurrencyError` if another sender moved it first. */
  transition(item: OutboxItem, change: OutboxTransition, now: Date): Promise<OutboxItem>;
  /**
   * Items still to send (pending, or drafted and awaiting confirmation), the longest due first (by `retryAt` when put
   * back after a failure, else by creation); only `channel`'s if given.
   */
  listPending(limit: number, channel?: OutboxChannel): Promise<OutboxItem[]>;
  /**
   * Held items of `channel` waiting for one conversation (the `conversation` their payload names, e.g. `duty` or
   * `user~<id>`), oldest first, at most `limit`. Release one with `transition(item, { to: "pending" })`.
   */
  listHeld(channel: OutboxChannel, conversation: ConversationKey, limit: number): Promise<OutboxItem[]>;
  /** One page of every item of `channel` held for a person, by conversation, oldest first within each. */
  listHeldPage(
    channel: OutboxChannel,
    options: { readonly limit: number; readonly continuation?: string },
  ): Promise<{ readonly items: readonly OutboxItem[]; readonly continuation?: string }>;
}

export const outboxTransitionNotAllowed = (key: string, from: string, to: string): StoreError =>
  new StoreError(
    "STORE.OUTBOX_TRANSITION_NOT_ALLOWED",
    `Outbox item ${key} is ${from} and cannot become ${to}; reload it to see what happened.`,
    false,
  );
