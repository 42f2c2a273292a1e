/** A card that cannot be sent as built. */
export class CardError extends Error {
  override readonly name = "CardError";
  constructor(
    readonly code: "CARD.TOO_LARGE",
    message: string,
  ) {
    super(message);
  }
}

export const itemTooLarge = (what: string, bytes: number, limit: number): CardError =>
  new CardError(
    "CARD.TOO_LARGE",
    `${what} alone needs ${Math.ceil(bytes / 1024)} KB, more than the ${Math.floor(limit / 1024)} KB a Teams message may carry. ` +
      "Shorten its text (the full record stays in the tab) and post it again.",
  );
