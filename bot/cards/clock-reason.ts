import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { execute } from "./elements/actions.js";
import { dueItemLine, type DueItem } from "./elements/due-items.js";
import { textInput } from "./elements/inputs.js";
import { heading, text } from "./elements/text.js";

export const CLOCK_REASON = "clock.reason";
export const CLOCK_REASON_INPUT = "reason";

/** Asks why a clock was exceeded; the reason is kept on the clock for reports. */
export interface ClockReasonView {
  readonly timeZone: string;
  readonly item: DueItem;
}

export function clockReasonCard(view: ClockReasonView): AdaptiveCardJson {
  const { caseId, deadline } = view.item;
  return adaptiveCard(
    [
      heading("Why was this late?"),
      dueItemLine(view.item, view.timeZone),
      text("Recording the reason keeps the case record and the compliance report honest."),
      textInput(CLOCK_REASON_INPUT, "Reason", { multiline: true, required: true, maxLength: 1000 }),
    ],
    [
      execute(
        "Record reason",
        CLOCK_REASON,
        { caseId, rule: deadline.ruleId, instance: deadline.instance },
        "positive",
      ),
    ],
  );
}
