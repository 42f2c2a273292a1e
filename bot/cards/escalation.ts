import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { clockReasonSection } from "./clock-reason.js";
import { dueItemLine, type DueItem } from "./elements/due-items.js";
import { heading, text } from "./elements/text.js";

/** To the practitioner's manager when a clock passes its maximum. */
export interface EscalationView {
  readonly timeZone: string;
  readonly managerName: string;
  readonly practitionerName: string;
  readonly item: DueItem;
}

export function escalationCard(view: EscalationView): AdaptiveCardJson {
  return adaptiveCard([
    heading(`Maximum passed: ${view.item.deadline.ruleName}`),
    text(
      `${view.managerName}, a clock on ${view.practitionerName}'s case ${view.item.caseId} has passed its maximum timescale. It is escalated to you as their manager.`,
    ),
    dueItemLine(view.item, view.timeZone),
    ...clockReasonSection(view.item),
  ]);
}
