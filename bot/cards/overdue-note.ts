import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { clockReasonSection } from "./clock-reason.js";
import { clockActionSet, type ActionableDueItem } from "./elements/clock-actions.js";
import { dueItemLine } from "./elements/due-items.js";
import { heading, text } from "./elements/text.js";

/** Sent the moment a clock passes its expectation; it asks for the reason it is late (§6). */
export interface OverdueNoteView {
  readonly timeZone: string;
  /** The clock, with what stops it where the person may do that now. */
  readonly item: ActionableDueItem;
}

export function overdueNoteCard(view: OverdueNoteView): AdaptiveCardJson {
  return adaptiveCard([
    heading(`Now overdue: ${view.item.deadline.ruleName}`),
    dueItemLine(view.item, view.timeZone),
    ...clockActionSet(view.item),
    text("Please do this as soon as you can, and record why it is late."),
    ...clockReasonSection(view.item, { onlyButton: (view.item.actions ?? []).length === 0 }),
  ]);
}
