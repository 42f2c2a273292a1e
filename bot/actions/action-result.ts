import type { AdaptiveCardJson } from "../cards/card-json.js";

/**
 * What an `adaptiveCard/action` invoke answers: the refreshed card for the person who clicked, and whether the
 * message itself changed for everyone (a decision) or only this person sees the answer (a refusal).
 */
export interface ActionResult {
  readonly card: AdaptiveCardJson;
  readonly forEveryone: boolean;
}

export const forEveryone = (card: AdaptiveCardJson): ActionResult => ({ card, forEveryone: true });
export const forThisPerson = (card: AdaptiveCardJson): ActionResult => ({ card, forEveryone: false });
