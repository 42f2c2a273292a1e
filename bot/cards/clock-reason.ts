import { adaptiveCard, type AdaptiveCardJson, type CardElement, type ExecuteAction } from "./card-json.js";
import { actionSet, execute } from "./elements/actions.js";
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

const reasonInput = (): CardElement =>
  textInput(CLOCK_REASON_INPUT, "Reason", { multiline: true, required: true, maxLength: 1000 });

/** The button that records the reason on the case (audited), naming the clock instance it is for. */
const recordReason = ({ caseId, deadline }: DueItem): ExecuteAction =>
  execute("Record reason", CLOCK_REASON, { caseId, rule: deadline.ruleId, instance: deadline.instance }, "positive");

/** The reason input and its button, for a card that reports an exceeded clock (overdue note, escalation). */
export function clockReasonSection(item: DueItem): CardElement[] {
  return [
    text("Why is it late? Recording the reason keeps the case record and the compliance report honest.", {
      weight: "bolder",
    }),
    reasonInput(),
    actionSet([recordReason(item)]),
  ];
}

export function clockReasonCard(view: ClockReasonView): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading("Why was this late?"),
      dueItemLine(view.item, view.timeZone),
      text("Recording the reason keeps the case record and the compliance report honest."),
      reasonInput(),
    ],
    [recordReason(view.item)],
  );
}
