import { Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import type { CaseActionInputView } from "../../../src/api/contract.js";
import { londonLocalToInstant } from "./london-time.js";

export type InputValue = string | boolean;

/** One input of an action or a form, as the service declared it; datetimes are typed in London time. */
export function InputField(props: {
  readonly input: CaseActionInputView;
  readonly value: InputValue | undefined;
  readonly onChange: (value: InputValue) => void;
}) {
  const { input, value, onChange } = props;
  if (input.type === "boolean") {
    return (
      <Checkbox checked={value === true} onChange={(_, data) => onChange(data.checked === true)} label={input.label} />
    );
  }
  const text = typeof value === "string" ? value : "";
  const control = (() => {
    switch (input.type) {
      case "longtext":
        return <Textarea value={text} onChange={(_, data) => onChange(data.value)} />;
      case "choice":
      case "staff":
        return (
          <Select value={text} onChange={(_, data) => onChange(data.value)}>
            <option value="">Choose…</option>
            {(input.options ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        );
      case "date":
        return <Input type="date" value={text} onChange={(_, data) => onChange(data.value)} />;
      case "datetime":
        return <Input type="datetime-local" value={text} onChange={(_, data) => onChange(data.value)} />;
      default:
        return <Input value={text} onChange={(_, data) => onChange(data.value)} />;
    }
  })();
  return (
    <Field label={input.label} required={input.required}>
      {control}
    </Field>
  );
}

/** What the service is sent for each input: datetimes as UTC instants (typed in London time), the rest as given. */
export function valuesToSend(
  inputs: readonly CaseActionInputView[],
  values: Readonly<Record<string, InputValue>>,
): Record<string, InputValue> {
  const sent: Record<string, InputValue> = {};
  for (const input of inputs) {
    const value = values[input.name];
    if (value === undefined || value === "") continue;
    sent[input.name] =
      input.type === "datetime" && typeof value === "string" ? (londonLocalToInstant(value) ?? value) : value;
  }
  return sent;
}

/** The required inputs still empty (a required yes/no must be ticked: a checklist item to do first). */
export const missingInputs = (
  inputs: readonly CaseActionInputView[],
  values: Readonly<Record<string, InputValue>>,
): string[] =>
  inputs
    .filter((i) => i.required)
    .filter((i) => {
      const value = values[i.name];
      return i.type === "boolean"
        ? value !== true
        : value === undefined || (typeof value === "string" && value.trim() === "");
    })
    .map((i) => i.label);
