import type { CaseAction } from "../../../src/app/actions/case-action.js";
import { adaptiveCard, type ShowCardAction } from "../card-json.js";
import { execute } from "./actions.js";
import { declaredInput } from "./declared-inputs.js";
import { text } from "./text.js";

/** The verb every case action's button sends; `actionId` in its data says which. */
export const CASE_ACTION_VERB = "case.action";

/**
 * One action as a button that opens its inputs, and a button inside that takes it. Its inputs are scoped by `scope`
 * (the action's id on a case card; the case and the action on a card naming several cases), sent in the data.
 */
export function caseActionCard(
  caseId: string,
  action: CaseAction,
  options: { readonly scope?: string; readonly from?: "nudge" } = {},
): ShowCardAction {
  const scope = options.scope ?? action.id;
  return {
    type: "Action.ShowCard",
    title: action.label,
    card: adaptiveCard(
      [
        ...(action.rules.length > 0
          ? [text(`Rules ${action.rules.join(", ")}`, { isSubtle: true, size: "small" })]
          : []),
        ...action.inputs.flatMap((input) => declaredInput(scope, input)),
      ],
      [
        execute(
          action.label,
          CASE_ACTION_VERB,
          {
            caseId,
            actionId: action.id,
            ...(scope === action.id ? {} : { scope }),
            ...(options.from === undefined ? {} : { from: options.from }),
          },
          "positive",
        ),
      ],
    ),
  };
}
