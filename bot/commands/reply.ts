import type { AdaptiveCardJson } from "../cards/card-json.js";

/** One message the bot answers with: a card, or a line of plain text before one. */
export type Reply = AdaptiveCardJson | string;
