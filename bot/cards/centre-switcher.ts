import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { execute } from "./elements/actions.js";
import { heading, text } from "./elements/text.js";

/** `centre.choose`: a button naming the centre it chooses (the router sends the click to that centre's bot). */
export const CHOOSE_CENTRE_VERB = "centre.choose";

export interface CentreSwitcherView {
  readonly current: { readonly id: string; readonly name: string };
  readonly others: readonly { readonly id: string; readonly name: string }[];
}

/** The centre a person works in now, and a button for each of their other centres. */
export function centreSwitcherCard(view: CentreSwitcherView): AdaptiveCardJson {
  if (view.others.length === 0) {
    return adaptiveCard([
      heading(`You are working in ${view.current.name}`),
      text("You are on no other centre's staff list, so there is no other centre to switch to."),
    ]);
  }
  return adaptiveCard(
    [
      heading(`You are working in ${view.current.name}`),
      text("What you ask me here, and the chats you choose for panels, are this centre's. Switch to:"),
    ],
    view.others.map((centre) => execute(centre.name, CHOOSE_CENTRE_VERB, { centre: centre.id })),
  );
}
