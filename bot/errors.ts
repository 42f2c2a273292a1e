/** Stable codes of bot failures; the composition root and logs key on these, never on messages. */
export type BotErrorCode = "BOT.CONFIG_INVALID" | "BOT.CONVERSATION_UNKNOWN";

export class BotError extends Error {
  constructor(
    readonly code: BotErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BotError";
  }
}

export const productionAppIdMissing = (): BotError =>
  new BotError(
    "BOT.CONFIG_INVALID",
    "The bot needs its Microsoft App ID in production (single-tenant or user-assigned managed identity) and its tenant id; only local mode runs without them.",
  );

/** A proactive message names a conversation the app was never installed in (or a chat never chosen for a panel). */
export const conversationUnknown = (key: string): BotError =>
  new BotError(
    "BOT.CONVERSATION_UNKNOWN",
    `No Teams conversation is stored for "${key}". Install the app there (or, for a panel, have a manager type "use this chat for …" in its chat) and try again.`,
  );
