import type { Page } from "./indexes.js";

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

/** Set aside by the intake (ignored or quarantined): listed for a person, who may still log it. */
export const isSetAside = (
  record: MessageRecord | undefined,
): record is MessageRecord & { readonly state: "ignored" | "quarantined" } =>
  record?.state === "ignored" || record?.state === "quarantined";

export type ClaimResult = { readonly claimed: true } | { readonly claimed: false; readonly existing: MessageRecord };

/** What the set-aside list shows of a message the intake did not log: never a name, an address or a subject. */
export interface SetAsideNote {
  readonly receivedAt: string;
  /** The sender's domain only (`school.example`): enough to see where it came from, not who. */
  readonly senderDomain?: string;
}

/** One entry of the "Ignored and quarantined" list (issue 19 §5). */
export interface SetAsideEntry extends SetAsideNote {
  readonly messageId: string;
  readonly state: "ignored" | "quarantined";
  readonly reason: string;
}

/** Who brought one Internet message in first (issue 19 §1): every later copy of it is that message's. */
export type DeliveryClaim = { readonly first: true } | { readonly first: false; readonly firstMessageId: string };

/** Another copy of an email already taken in: another Graph message, the same Internet message. */
export interface LaterCopy {
  readonly messageId: string;
  readonly receivedAt: string;
}

/** Idempotency for mail intake: each message is handled once. */
export interface MessageLedger {
  claim(messageId: string, now: Date): Promise<ClaimResult>;
  find(messageId: string): Promise<MessageRecord | undefined>;
  markLogged(messageId: string, caseId: string, contactId: string): Promise<void>;
  /** Settles a message as not a contact; with a note it is listed among the ignored and quarantined (newest first). */
  markIgnored(messageId: string, reason: string, note?: SetAsideNote): Promise<void>;
  /** Counts one failed attempt at handling a claimed message, with its error code; returns the attempts so far. */
  recordFailure(messageId: string, reasonCode: string): Promise<number>;
  /** Sets a message aside after repeated failures, so the inbox round moves on; `reasonCode` is never personal data. */
  markQuarantined(messageId: string, reasonCode: string, note?: SetAsideNote): Promise<void>;
  /** The ignored and quarantined messages a duty worker may still rescue, newest first, a page at a time. */
  listSetAside(options?: { readonly top?: number; readonly continuation?: string }): Promise<Page<SetAsideEntry>>;
  /** Takes a rescued message off the set-aside list (once it is logged). */
  clearSetAside(messageId: string): Promise<void>;
  /**
   * Claims one Internet message (its delivery identity: Message-ID, sender and body digest) for the message that
   * brings it in first; any later copy is told which message that was. Atomic across instances.
   */
  claimDelivery(identity: string, messageId: string, now: Date): Promise<DeliveryClaim>;
  /** Remembers a later copy of an Internet message (once, however often it is recorded). */
  addLaterCopy(identity: string, copy: LaterCopy): Promise<void>;
  /**
   * Retention: messages of these cases keep only that they were handled (so intake never takes them in again); their
   * case and contact ids are removed. Answers how many rows changed. O(table): a nightly job's, not a hot path.
   */
  forgetCases(caseIds: ReadonlySet<string>): Promise<number>;
  /**
   * Retention of ignored mail: every set-aside message (ignored or quarantined) for which `due(receivedAt)` holds
   * goes from the set-aside list (its sender's domain, reason and time with it); its ledger row keeps only that it
   * was handled, so intake never takes it in again. Answers how many. O(set-aside list): a nightly job's.
   */
  forgetSetAside(due: (receivedAt: string) => boolean): Promise<number>;
  /** The later copies of an Internet message recorded so far, oldest first. */
  laterCopies(identity: string): Promise<readonly LaterCopy[]>;
}
