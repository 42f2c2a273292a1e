import { Button, Field, Radio, RadioGroup, Select, Textarea } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { DecisionOption, PanelName, StaffView } from "../../../src/api/contract.js";
import { useSession } from "../session.js";
import { ActionFeedback } from "./action-feedback.js";
import { useSharedStyles } from "./styles.js";
import { useAction } from "./use-action.js";

export interface DecisionFormProps {
  readonly caseId: string;
  readonly etag: string;
  readonly panel: PanelName;
  readonly options: readonly DecisionOption[];
  readonly workers: readonly StaffView[];
  readonly reload: () => Promise<void>;
}

/** Records a panel decision with the profile's options, asking only for what the chosen option needs. */
export function DecisionForm({ caseId, etag, panel, options, workers, reload }: DecisionFormProps) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [workerId, setWorkerId] = useState("");
  const { busy, error, warnings, run } = useAction(reload);
  const chosen = options.find((option) => option.id === outcome);
  const needsNote = chosen?.needs.includes("note") ?? false;
  const needsWorker = chosen?.needs.includes("worker") ?? false;
  const ready = chosen !== undefined && (!needsNote || note.trim() !== "") && (!needsWorker || workerId !== "");
  const formId = useId();

  const submit = () =>
    run(
      () =>
        api.decide(
          caseId,
          {
            panel,
            outcome,
            ...(note.trim() === "" ? {} : { note: note.trim() }),
            ...(needsWorker ? { workerId } : {}),
          },
          etag,
        ),
      `Decision recorded for ${caseId}: ${chosen?.label ?? outcome}.`,
    );

  return (
    <form
      aria-label={`Decision for ${caseId}`}
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void submit();
      }}
    >
      <Field label={`Outcome for ${caseId}`} required>
        <RadioGroup value={outcome} onChange={(_, data) => setOutcome(data.value)} name={`${formId}-outcome`}>
          {options.map((option) => (
            <Radio key={option.id} value={option.id} label={option.label} />
          ))}
        </RadioGroup>
      </Field>
      {needsWorker ? (
        <Field label="Allocate to" required>
          <Select value={workerId} onChange={(_, data) => setWorkerId(data.value)}>
            <option value="">Choose a worker</option>
            {workers.map((worker) => (
              <option key={worker.id} value={worker.id}>
                {worker.displayName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {chosen ? (
        <Field label="Note" required={needsNote}>
          <Textarea value={note} onChange={(_, data) => setNote(data.value)} />
        </Field>
      ) : null}
      <div>
        <Button appearance="primary" type="submit" disabled={!ready || busy}>
          {busy ? "Recording…" : "Record decision"}
        </Button>
      </div>
      <ActionFeedback error={error} warnings={warnings} />
    </form>
  );
}
