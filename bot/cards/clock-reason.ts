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

/** Required where its button is the card's only one: Teams checks every input of a card on any button. */
const reasonInput = (required = true): CardElement =>
  textInput(CLOCK_REASON_INPUT, "Reason", { multiline: true, required, maxLength: 1000 });

/** The button that records the reason on the case (audited), naming the clock instance it is for. */
const recordReason = ({ caseId, deadline }: DueItem): ExecuteAction =>
  execute("Record reason", CLOCK_REASON, { caseId, rule: deadline.ruleId, instance: deadline.instance }, "positive");

/**
 * The reason input and its button, for a card that reports an exceeded clock (overdue note, escalation). On a card
 * with other buttons (the action that stops the clock) the input is not marked required; the bot asks for it instead.
 */
export function clockReasonSection(item: DueItem, options: { readonly onlyButton?: boolean } = {}): CardElement[] {
  return [
    text("Why is it late? Recording the reason keeps the case record and the compliance report honest.", {
      weight: "bolder",
    }),
    reasonInput(options.onlyButton ?? true),
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
