import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import type { Contact } from "../domain/contact.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError, StoreError } from "./errors.js";

/** A case as read, with the ETag every write of it must carry. */
export interface StoredCase {
  readonly case: Case;
  readonly contacts: readonly Contact[];
  readonly etag: string;
}

/** The case row without its log: what queues and rebuilds scan. `lastSeq` versions it. */
export type CaseHeader = Omit<Case, "events"> & { readonly lastSeq: number };

export interface CaseRepository {
  findCase(id: string): Promise<StoredCase | undefined>;
  /** Throws `CaseNotFoundError` (STORE.NOT_FOUND). */
  getCase(id: string): Promise<StoredCase>;
  /** Writes the case, its events and contacts in one transaction; `CaseAlreadyExistsError` if the id is taken. */
  create(kase: Case, events: readonly CaseEvent[], contacts: readonly Contact[]): Promise<StoredCase>;
  /**
   * Saves `nextCase` and appends `newEvents` (seqs continuing the log) in one transaction, guarded by the ETag read.
   * Throws `ConcurrencyError` (STORE.CONFLICT, retryable) when someone else changed the case since,
   * `tooManyChanges` or `eventsOutOfSequence` when the change itself is malformed.
   */
  append(
    caseId: string,
    etag: string,
    nextCase: Case,
    newEvents: readonly CaseEvent[],
    newContacts?: readonly Contact[],
  ): Promise<StoredCase>;
  /**
   * Data protection's one exception to the append-only log (rectification and erasure): writes `nextCase` over the
   * case row and its snapshot, the `rewritten` events and contacts over their rows (same seq, same id), and appends
   * `newEvents` (the `redacted` event), in one transaction guarded by the ETag read.
   */
  rewrite(
    caseId: string,
    etag: string,
    nextCase: Case,
    rewritten: { readonly events: readonly CaseEvent[]; readonly contacts: readonly Contact[] },
    newEvents: readonly CaseEvent[],
  ): Promise<StoredCase>;
  /** Retention: deletes the case's every row (events, contacts, then the case row last, so a crash is retried). */
  deleteCase(caseId: string): Promise<void>;
  /** Allocates the next `FC-<year>-<6 digits>` id. */
  nextCaseId(year: number): Promise<string>;
  /**
   * The id kept for `reservedFor` (an inbound message's id): the next of the year the first time, the same one on
   * every retry, so a message whose logging stopped part-way never opens a second case. With `allowance`, one of the
   * sender's acknowledgements of the day is taken (if any are left) with it, once: a retry is told what was decided.
   */
  reserveCaseId(year: number, reservedFor: string, allowance?: AllowanceAsked): Promise<KeptCaseId>;
  /** Forgets the id kept for `reservedFor`, once nothing needs it kept (its message is logged). */
  releaseCaseId(reservedFor: string): Promise<void>;
  /** Retention: the acknowledgement allowances of days before `londonDate` (YYYY-MM-DD). Answers how many went. */
  forgetAllowancesBefore(londonDate: string): Promise<number>;
  listCaseHeaders(): AsyncIterable<CaseHeader>;
}

/** One of a sender's acknowledgements for one day (loop and abuse protection: at most `perDay`). */
export interface AllowanceAsked {
  /** Who asks (`senderRef`): a digest, never the address. */
  readonly sender: string;
  /** The London day (YYYY-MM-DD) it counts against. */
  readonly day: string;
  readonly perDay: number;
}

/** The case number kept for a message, and whether the sender's acknowledgement allowance was taken with it. */
export interface KeptCaseId {
  readonly caseId: string;
  /** Undefined when none was asked for, by this run or any before it. */
  readonly allowanceTaken?: boolean;
}

export class CaseNotFoundError extends NotFoundError {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} was not found; check the case number.`);
  }
}

export class CaseAlreadyExistsError extends AlreadyExistsError {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} already exists; allocate a new case number and try again.`);
  }
}

export const caseChangedConcurrently = (caseId: string, cause?: unknown): ConcurrencyError =>
  new ConcurrencyError(`Someone else changed case ${caseId} at the same time; reload and try again.`, { cause });

export const tooManyChanges = (caseId: string, count: number, limit: number): StoreError =>
  new StoreError(
    "STORE.TOO_MANY_CHANGES",
    `Case ${caseId}: ${count} rows in one change is over the limit of ${limit}; save the change in smaller steps.`,
    false,
  );

export const eventsOutOfSequence = (caseId: string, seqs: readonly number[]): StoreError =>
  new StoreError(
    "STORE.EVENTS_OUT_OF_SEQUENCE",
    `Case ${caseId}: new events must carry consecutive seq numbers from 1 up; got ${seqs.join(", ")}. Nothing was saved.`,
    false,
  );
