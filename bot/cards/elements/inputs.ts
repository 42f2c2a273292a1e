import type { CardElement } from "../card-json.js";

interface TextInputOptions {
  readonly multiline?: boolean;
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly value?: string;
  readonly maxLength?: number;
}

/** A labelled text input; a required one says what is missing in words. */
export function textInput(id: string, label: string, options: TextInputOptions = {}): CardElement {
  return {
    type: "Input.Text",
    id,
    label,
    ...(options.multiline === true && { isMultiline: true }),
    ...(options.required === true && { isRequired: true, errorMessage: `${label} is needed.` }),
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
    ...(options.value !== undefined && { value: options.value }),
    ...(options.maxLength !== undefined && { maxLength: options.maxLength }),
  };
}

export interface Choice {
  readonly title: string;
  readonly value: string;
}

/** A drop-down of choices; `value` is the one chosen already. */
export function choiceInput(
  id: string,
  label: string,
  choices: readonly Choice[],
  options: { placeholder?: string; value?: string } = {},
): CardElement {
  return {
    type: "Input.ChoiceSet",
    id,
    label,
    style: "compact",
    choices,
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
    ...(options.value !== undefined && { value: options.value }),
  };
}
