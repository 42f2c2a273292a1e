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
