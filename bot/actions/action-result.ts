import type { AdaptiveCardJson } from "../cards/card-json.js";

/**
 * What an `adaptiveCard/action` invoke answers. A card: the refreshed card for the person who clicked, and whether
 * the message itself changed for everyone (a decision) or only this person sees it; `said` puts its point in words
 * for a client that cannot redraw a card in place. A message: words shown under the card, which stays as it was
 * (a refusal that concerns the person rather than the card, so nothing on it is lost).
 */
export type ActionResult =
  | { readonly kind: "card"; readonly card: AdaptiveCardJson; readonly forEveryone: true }
  | { readonly kind: "card"; readonly card: AdaptiveCardJson; readonly forEveryone: false; readonly said?: string }
  | { readonly kind: "message"; readonly text: string };

export const forEveryone = (card: AdaptiveCardJson): ActionResult => ({ kind: "card", card, forEveryone: true });
export const forThisPerson = (card: AdaptiveCardJson, said?: string): ActionResult => ({
  kind: "card",
  card,
  forEveryone: false,
  ...(said === undefined ? {} : { said }),
});

/** Nothing was done: what happened and what to do, in one line under the card (a code for support, if any). */
export const saidUnderTheCard = (what: string, todo: string, code?: string): ActionResult => ({
  kind: "message",
  text: `${what}. ${todo}${code ? ` (Reference: ${code})` : ""}`,
});
