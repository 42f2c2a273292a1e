/** Stable codes of store failures; callers branch on these, never on messages. */
export type StoreErrorCode =
  | "STORE.CONFLICT"
  | "STORE.NOT_FOUND"
  | "STORE.ALREADY_EXISTS"
  | "STORE.UNAVAILABLE"
  | "STORE.TOO_MANY_CHANGES"
  | "STORE.EVENTS_OUT_OF_SEQUENCE"
  | "STORE.OUTBOX_TRANSITION_NOT_ALLOWED"
  | "STORE.INVALID_TABLE_PREFIX";

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

export class CaseNotFoundError extends NotFoundError {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} was not found; check the case number.`);
  }
}

export class AlreadyExistsError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("STORE.ALREADY_EXISTS", message, false, options);
  }
}

export class CaseAlreadyExistsError extends AlreadyExistsError {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} already exists; allocate a new case number and try again.`);
  }
}

export class StoreUnavailableError extends StoreError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      "STORE.UNAVAILABLE",
      `Table storage could not be reached (${detail}). Check FC_STORAGE_CONNECTION_STRING or FC_STORAGE_ACCOUNT_URL, ` +
        "and locally that Azurite is running.",
      true,
      options,
    );
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

export const outboxTransitionNotAllowed = (key: string, from: string, to: string): StoreError =>
  new StoreError(
    "STORE.OUTBOX_TRANSITION_NOT_ALLOWED",
    `Outbox item ${key} is ${from} and cannot become ${to}; reload it to see what happened.`,
    false,
  );

export const invalidTablePrefix = (prefix: string): StoreError =>
  new StoreError(
    "STORE.INVALID_TABLE_PREFIX",
    `Table prefix "${prefix}" is not usable: letters and digits only, starting with a letter, at most 40 characters.`,
    false,
  );
