import { StoreError } from "../ports/errors.js";

/** Azure Table Storage (or Azurite) did not answer: what an admin checks first. */
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

export const invalidTablePrefix = (prefix: string): StoreError =>
  new StoreError(
    "STORE.INVALID_TABLE_PREFIX",
    `Table prefix "${prefix}" is not usable: letters and digits only, starting with a letter, at most 40 characters.`,
    false,
  );

export const invalidCentreId = (centre: string): StoreError =>
  new StoreError(
    "STORE.INVALID_CENTRE_ID",
    `Centre id "${centre}" is not usable: lower-case letters and digits, starting with a letter, at most 12 characters.`,
    false,
  );

export type BackupErrorCode = "BACKUP.NOT_EMPTY" | "BACKUP.BAD_FILE" | "BACKUP.WRONG_CENTRE";

/** A backup or restore refused as asked; the message says what to do. */
export class BackupError extends Error {
  override readonly name = "BackupError";
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The access audit's blob container could not be written or read: what an admin checks first. */
export class AuditUnavailableError extends StoreError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      "AUDIT.UNAVAILABLE",
      `The access audit's blob storage could not be reached (${detail}). Check FC_AUDIT_BLOB_ACCOUNT_URL (or the ` +
        "connection string's BlobEndpoint), that the audit container exists, that the service's identity holds " +
        "the audit appender role on it, and locally that Azurite's blob service is running.",
      true,
      options,
    );
  }
}
