import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { clockReasonSection } from "./clock-reason.js";
import { clockActionSet, type ActionableDueItem } from "./elements/clock-actions.js";
import { dueItemLine } from "./elements/due-items.js";
import { heading, text } from "./elements/text.js";

/** To the practitioner's manager when a clock passes its maximum. */
export interface EscalationView {
  readonly timeZone: string;
  readonly managerName: string;
  readonly practitionerName: string;
  /** The clock, with what stops it where the person may do that now. */
  readonly item: ActionableDueItem;
}

export function escalationCard(view: EscalationView): AdaptiveCardJson {
  return adaptiveCard([
    heading(`Maximum passed: ${view.item.deadline.ruleName}`),
    text(
      `${view.managerName}, a clock on ${view.practitionerName}'s case ${view.item.caseId} has passed its maximum timescale. It is escalated to you as their manager.`,
    ),
    dueItemLine(view.item, view.timeZone),
    ...clockActionSet(view.item),
    ...clockReasonSection(view.item, { onlyButton: (view.item.actions ?? []).length === 0 }),
  ]);
}
