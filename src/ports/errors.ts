/**
 * The failures every stored-state port promises (cases, outbox, records, ledger, leases), whichever adapter holds the
 * rows. Callers branch on the class or `code`, never on messages.
 */
export type StoreErrorCode =
  | "STORE.CONFLICT"
  | "STORE.NOT_FOUND"
  | "STORE.ALREADY_EXISTS"
  | "STORE.UNAVAILABLE"
  | "STORE.TOO_MANY_CHANGES"
  | "STORE.EVENTS_OUT_OF_SEQUENCE"
  | "STORE.OUTBOX_TRANSITION_NOT_ALLOWED"
  | "STORE.INVALID_TABLE_PREFIX"
  | "STORE.INVALID_CENTRE_ID"
  | "AUDIT.UNAVAILABLE";

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** True when trying again (after reloading) may succeed. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Someone else wrote the same record between our read and our write. */
export class ConcurrencyError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("STORE.CONFLICT", message, true, options);
  }
}

export class NotFoundError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("STORE.NOT_FOUND", message, false, options);
  }
}

export class AlreadyExistsError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("STORE.ALREADY_EXISTS", message, false, options);
  }
}

/** A create that lost to another writer, or a replace whose ETag went stale: either way, someone else wrote first. */
export const isWriteRace = (error: unknown): boolean =>
  error instanceof ConcurrencyError || error instanceof AlreadyExistsError;
