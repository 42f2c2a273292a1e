/** Stable codes of proactive-message failures; logs key on these, never on messages. */
export type ProactiveErrorCode = "BOT.UNKNOWN_OUTBOX_PURPOSE";

export class ProactiveError extends Error {
  constructor(
    readonly code: ProactiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ProactiveError";
  }
}

/** A Teams outbox item this version of the bot has no card for (queued by a newer version, or a typo in a job). */
export const unknownOutboxPurpose = (purpose: string): ProactiveError =>
  new ProactiveError(
    "BOT.UNKNOWN_OUTBOX_PURPOSE",
    `The bot has no card for Teams outbox items of purpose "${purpose}". Deploy the version that queued it, then try the item again from the tab's list of held Teams messages.`,
  );
