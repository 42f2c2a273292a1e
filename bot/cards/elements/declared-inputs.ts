import type { ActionInput } from "../../../src/app/actions/case-action.js";
import type { CardElement } from "../card-json.js";
import { choiceInput, textInput } from "./inputs.js";

/** The id a declared input takes on a card: every input of a card is sent with any of its buttons, so it is scoped. */
export const scopedInputId = (scope: string, name: string): string => `${scope}~${name}`;

/** The second half of a date and time (Teams has no single date-time input). */
export const TIME_PART = "~time";

/**
 * One input the service declared (a case action's, the contact form's), as a card input. Nothing is marked
 * required: Teams checks every input of a card when any button is pressed, so the service checks what each needs.
 */
export function declaredInput(scope: string, input: ActionInput): CardElement[] {
  const id = scopedInputId(scope, input.name);
  const label = input.required ? `${input.label} (needed)` : input.label;
  switch (input.type) {
    case "boolean":
      return [{ type: "Input.Toggle", id, title: label, valueOn: "true", valueOff: "false", value: "false" }];
    case "longtext":
      return [textInput(id, label, { multiline: true })];
    case "date":
      return [{ type: "Input.Date", id, label }];
    case "datetime":
      return [
        { type: "Input.Date", id, label: `${label}: date` },
        { type: "Input.Time", id: `${id}${TIME_PART}`, label: `${label}: time (London)` },
      ];
    case "choice":
    case "staff":
      return [
        choiceInput(
          id,
          label,
          (input.options ?? []).map((o) => ({ title: o.label, value: o.value })),
          { placeholder: "Choose…" },
        ),
      ];
    default:
      return [textInput(id, label)];
  }
}
