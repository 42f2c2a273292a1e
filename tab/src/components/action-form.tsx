import { Button } from "@fluentui/react-components";
import { useState } from "react";
import type { CaseActionInputView } from "../../../src/api/contract.js";
import { ActionFeedback } from "./action-feedback.js";
import { InputField, missingInputs, valuesToSend, type InputValue } from "./input-field.js";
import { OccurredAtField, occurredAtOf } from "./occurred-at-field.js";
import { useSharedStyles } from "./styles.js";
import { useAction } from "./use-action.js";

export interface ActionFormProps {
  /** The form's accessible name, e.g. "Record a visit on FC-2026-000001". */
  readonly name: string;
  readonly inputs: readonly CaseActionInputView[];
  readonly submitLabel: string;
  /** Asks "when did this happen?" too (events written up later: rule 10.1). */
  readonly askWhen?: boolean;
  /** Sends the values; resolves with the service's answer (its warnings are shown). */
  readonly send: (values: Record<string, InputValue>) => Promise<{ data: object }>;
  readonly done: string;
  readonly reload: () => Promise<void>;
}

/** A form drawn from the service's declared inputs: the tab writes no form per command. */
export function ActionForm(props: ActionFormProps) {
  const { name, inputs, submitLabel, askWhen, send, done, reload } = props;
  const styles = useSharedStyles();
  const [values, setValues] = useState<Record<string, InputValue>>({});
  const [when, setWhen] = useState("");
  const { busy, error, warnings, run } = useAction(reload);
  const now = new Date();
  const occurred = occurredAtOf(when, now);
  const missing = missingInputs(inputs, values);
  const ready = missing.length === 0 && occurred.ok;
  return (
    <form
      aria-label={name}
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        const sent = valuesToSend(inputs, values);
        if (occurred.ok && occurred.at !== undefined) sent["occurredAt"] = occurred.at;
        void run(() => send(sent), done).then((ok) => {
          if (ok) {
            setValues({});
            setWhen("");
          }
        });
      }}
    >
      {inputs.map((input) => (
        <InputField
          key={input.name}
          input={input}
          value={values[input.name]}
          onChange={(value) => setValues((current) => ({ ...current, [input.name]: value }))}
        />
      ))}
      {askWhen ? <OccurredAtField value={when} onChange={setWhen} now={now} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={!ready || busy}>
          {busy ? "Recording…" : submitLabel}
        </Button>
      </div>
      {missing.length > 0 ? <p className={styles.muted}>Still needed: {missing.join(", ")}.</p> : null}
      <ActionFeedback error={error} warnings={warnings} />
    </form>
  );
}
