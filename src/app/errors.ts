/** Stable codes of use-case failures; callers branch on these, never on messages. */
export type AppErrorCode =
  "APP.LETTER_TEMPLATE_MISSING" | "APP.LETTER_UNCONFIRMED" | "APP.LEASE_LOST" | "APP.CHANGED_SINCE_READ";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const letterTemplateMissing = (profileId: string, template: string): AppError =>
  new AppError(
    "APP.LETTER_TEMPLATE_MISSING",
    `The practice framework profile "${profileId}" has no email template "${template}". Add it to the profile's emails.`,
  );

/** A letter sent by Graph that has not shown up in Sent Items for too long: a person must check before any resend. */
export const letterUnconfirmed = (key: string): AppError =>
  new AppError(
    "APP.LETTER_UNCONFIRMED",
    `Letter ${key} was handed to Exchange but never appeared in Sent Items. Check the mailbox before sending it again.`,
  );

/** Another instance took over a job's lease mid-round (it had expired): this round stops without saving. */
export const leaseLost = (name: string): AppError =>
  new AppError("APP.LEASE_LOST", `The lease "${name}" was taken over mid-round; the other instance carries on.`);

/** A person acted on a view (of a case, of the settings) that someone else's change has made stale. */
export const changedSinceRead = (what: string): AppError =>
  new AppError(
    "APP.CHANGED_SINCE_READ",
    `${what} was changed by someone else since you opened it. Reload it, check what changed, and try again.`,
  );
