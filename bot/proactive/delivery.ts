import { TeamsDeliveryError } from "../../src/ports/teams.js";
import { cardBytes, MAX_CARD_BYTES, TEAMS_MESSAGE_LIMIT_BYTES } from "../cards/card-json.js";
import type { SendFailure } from "./rate-limiter.js";

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * A card is measured before it goes: Teams would answer 413 `MessageSizeTooBig` for a message over 40 KB (UTF-16),
 * so one that cannot fit is refused here, without a call.
 */
export function checkFits(card: object): void {
  const bytes = cardBytes(card);
  if (bytes > MAX_CARD_BYTES) {
    throw new TeamsDeliveryError(
      "TEAMS.MESSAGE_REFUSED",
      `the card needs ${kb(bytes)} and a Teams message carries at most ${kb(TEAMS_MESSAGE_LIMIT_BYTES)}.`,
      413,
      "MessageSizeTooBig",
    );
  }
}

/** What a send's failure means, in the port's terms (src/ports/teams.ts); undefined when Teams never answered. */
export function deliveryError(failure: SendFailure): TeamsDeliveryError | undefined {
  const { status, code } = failure;
  if (status === undefined) return undefined;
  const said = `Teams answered ${status}${code ? ` ${code}` : ""}`;
  if (status === 403 || status === 404)
    return new TeamsDeliveryError("TEAMS.CONVERSATION_GONE", `${said}.`, status, code);
  if (status === 429) return new TeamsDeliveryError("TEAMS.THROTTLED", `${said}.`, status, code);
  if (status === 408 || status === 412 || status >= 500) {
    return new TeamsDeliveryError("TEAMS.UNAVAILABLE", `${said}.`, status, code);
  }
  const why = status === 413 ? "the message is larger than Teams takes" : "Teams found the message malformed";
  return new TeamsDeliveryError("TEAMS.MESSAGE_REFUSED", `${why} (${said}).`, status, code);
}
