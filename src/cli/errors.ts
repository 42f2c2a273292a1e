/** Stable codes: scripts wrapping the CLI can rely on them. */
export type CliErrorCode = "CLI.USAGE" | "CLI.FILE_NOT_READABLE";

/** The operator asked for something the CLI cannot do as written; the message says how to ask. Exit code 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
  readonly code: CliErrorCode = "CLI.USAGE";
}

/** A file named on the command line could not be read. Exit code 1. */
export class CliFileError extends Error {
  override readonly name = "CliFileError";
  readonly code: CliErrorCode = "CLI.FILE_NOT_READABLE";

  constructor(option: string, path: string, reason: string) {
    super(
      `Cannot read the file given to ${option} ("${path}"): ${reason}. Check the path and that the file is readable.`,
    );
  }
}

/** The service refused what was asked (the case's state, a stale view…): its code and message, as the API words them. */
export class CliRefusedError extends Error {
  override readonly name = "CliRefusedError";

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
