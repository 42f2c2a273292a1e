import { Field, Input } from "@fluentui/react-components";
import { londonLocalMinute, londonLocalToInstant } from "./london-time.js";

/** What the optional "when did this happen" answer means for the request: now, an earlier instant, or a mistake. */
export type OccurredAt = { readonly ok: true; readonly at?: string } | { readonly ok: false; readonly problem: string };

export function occurredAtOf(local: string, now: Date): OccurredAt {
  if (local === "") return { ok: true };
  const at = londonLocalToInstant(local);
  if (at === undefined) return { ok: false, problem: "Give a date and a time, or leave it empty for now." };
  if (Date.parse(at) > now.getTime()) return { ok: false, problem: "It cannot have happened in the future." };
  return { ok: true, at };
}

/** Optional: when the event happened, if it is being written up later (London time). */
export function OccurredAtField(props: { value: string; onChange: (value: string) => void; now: Date }) {
  const { value, onChange, now } = props;
  const checked = occurredAtOf(value, now);
  return (
    <Field
      label="When did this happen? (London time; leave empty for now)"
      validationMessage={checked.ok ? undefined : checked.problem}
    >
      <Input type="datetime-local" value={value} max={londonLocalMinute(now)} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
