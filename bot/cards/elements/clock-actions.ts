import type { CaseAction } from "../../../src/app/actions/case-action.js";
import type { CardElement } from "../card-json.js";
import { caseActionCard } from "./case-actions.js";
import type { DueItem } from "./due-items.js";

/** A clock on a nudge with what stops it, when the person it is sent to may do that now (their personal chat only). */
export interface ActionableDueItem extends DueItem {
  readonly actions?: readonly CaseAction[];
}

/** The scope of an action's inputs on a nudge: several clocks, and several cases, may share one card. */
export const clockActionScope = (item: DueItem, action: CaseAction): string =>
  `${item.caseId}~${item.deadline.ruleId}~${item.deadline.instance}~${action.id}`;

/** The actions that stop the item's clock, as buttons under it that open their inputs (`case.action`). */
export function clockActionSet(item: ActionableDueItem): CardElement[] {
  const actions = item.actions ?? [];
  if (actions.length === 0) return [];
  return [
    {
      type: "ActionSet",
      actions: actions.map((action) =>
        caseActionCard(item.caseId, action, { scope: clockActionScope(item, action), from: "nudge" }),
      ),
    },
  ];
}
