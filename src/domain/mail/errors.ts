/** Stable codes: logs, the CLI and support notes can rely on them. */
export type MailErrorCode = "MAIL.INVALID_CONTEXT" | "MAIL.INVALID_TEXT_LIMIT";

/** The mail rules cannot run as configured. The message says what to fix. */
export class MailError extends Error {
  override readonly name = "MailError";

  constructor(
    readonly code: MailErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A wrong mailbox setting would silently let our own mail or the desk's forwards through as contacts,
 * so the rules refuse to run rather than guess.
 */
export const invalidMailContext = (problem: string): MailError =>
  new MailError("MAIL.INVALID_CONTEXT", `The mailbox settings for the mail rules are wrong: ${problem}.`);

export const invalidTextLimit = (max: number): MailError =>
  new MailError(
    "MAIL.INVALID_TEXT_LIMIT",
    `A text limit of ${max} characters cannot be applied: give a whole number of at least 1.`,
  );
