import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { dueItemLine, inRagOrder, type DueItem } from "./elements/due-items.js";
import { heading, text } from "./elements/text.js";

/** To the duty worker: families on the Pre-Allocation List whose weekly contact is due. */
export interface PreAllocationReminderView {
  readonly timeZone: string;
  readonly items: readonly DueItem[];
}

export function preAllocationReminderCard(view: PreAllocationReminderView): AdaptiveCardJson {
  return adaptiveCard([
    heading("Pre-Allocation List: weekly contact"),
    text(
      view.items.length === 0
        ? "No family on the Pre-Allocation List needs a contact yet."
        : "These families are waiting for a worker. Contact each one and record it on the case.",
    ),
    ...inRagOrder(view.items).map((i) => dueItemLine(i, view.timeZone)),
  ]);
}
