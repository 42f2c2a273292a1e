import { Button, Checkbox, Field, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { CaseEventRequest } from "../../../src/api/contract.js";
import { useSession } from "../session.js";
import { ActionFeedback } from "./action-feedback.js";
import { allTicked, ClosureChecklistFields } from "./closure-checklist-fields.js";
import { OccurredAtField, occurredAtOf } from "./occurred-at-field.js";
import { useSharedStyles } from "./styles.js";
import { useAction } from "./use-action.js";

type Kind = "initial-contact" | "visit" | "assessment" | "plan" | "review" | "case-note" | "closure-request";
type NoteType = Extract<CaseEventRequest, { type: "case-note" }>["noteType"];

const KINDS: Record<Kind, string> = {
  "initial-contact": "Initial contact with the family",
  visit: "Visit",
  assessment: "Early Help Assessment completed",
  plan: "Support Plan completed",
  review: "Plan review held",
  "case-note": "Case note",
  "closure-request": "Request closure",
};

const NOTE_TYPES: Record<NoteType, string> = {
  "case-note": "Case note",
  "contact-record": "Contact record",
  "voice-of-child": "Direct work / Voice of the child",
  "managers-decision": "Managers Decision",
  "supervision-discussion": "Supervision discussion",
};

/** Records what happened on a case; the clocks it stops or starts update when the case reloads. */
export function EventForm(props: { caseId: string; etag: string; reload: () => Promise<void> }) {
  const { caseId, etag, reload } = props;
  const { api, me } = useSession();
  const styles = useSharedStyles();
  const [kind, setKind] = useState<Kind | "">("");
  const [childSeen, setChildSeen] = useState(false);
  const [noteType, setNoteType] = useState<NoteType>("case-note");
  const [text, setText] = useState("");
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [when, setWhen] = useState("");
  const { busy, error, warnings, run } = useAction(reload);
  const checklist = me.profile.closureChecklist;
  const now = new Date();
  const occurred = occurredAtOf(when, now);
  const needsText = kind === "case-note" || kind === "closure-request";
  const ready =
    kind !== "" &&
    (!needsText || text.trim() !== "") &&
    (kind !== "closure-request" || allTicked(checklist, ticked)) &&
    occurred.ok;

  const request = (): CaseEventRequest | undefined => {
    const at = occurred.ok && occurred.at !== undefined ? { occurredAt: occurred.at } : {};
    switch (kind) {
      case "visit":
        return { ...at, type: "visit", childSeen };
      case "case-note":
        return { ...at, type: "case-note", noteType, note: text.trim() };
      case "closure-request":
        return { ...at, type: "closure-request", checklist: ticked, summary: text.trim() };
      case "":
        return undefined;
      default:
        return { ...at, type: kind };
    }
  };
  const reset = () => (setKind(""), setText(""), setChildSeen(false), setTicked({}), setWhen(""));

  return (
    <form
      aria-label={`Record an event on ${caseId}`}
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        const body = request();
        if (!ready || body === undefined) return;
        void run(() => api.recordEvent(caseId, body, etag), `${KINDS[kind as Kind]} recorded on ${caseId}.`).then(
          (done) => done && reset(),
        );
      }}
    >
      <Field label={`What happened on ${caseId}`}>
        <Select value={kind} onChange={(_, data) => setKind(data.value as Kind | "")}>
          <option value="">Choose an event</option>
          {Object.entries(KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {kind === "visit" ? (
        <Checkbox
          checked={childSeen}
          onChange={(_, data) => setChildSeen(data.checked === true)}
          label="The child was seen and spoken to"
        />
      ) : null}
      {kind === "case-note" ? (
        <Field label="Kind of note">
          <Select value={noteType} onChange={(_, data) => setNoteType(data.value as NoteType)}>
            {Object.entries(NOTE_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {kind === "closure-request" ? (
        <ClosureChecklistFields items={checklist} ticked={ticked} onChange={setTicked} />
      ) : null}
      {needsText ? (
        <Field label={kind === "case-note" ? "Note" : "Closure summary"} required>
          <Textarea value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
      ) : null}
      {kind !== "" ? <OccurredAtField value={when} onChange={setWhen} now={now} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={!ready || busy}>
          {busy ? "Recording…" : "Record"}
        </Button>
      </div>
      <ActionFeedback error={error} warnings={warnings} />
    </form>
  );
}
