import { Field, Input } from "@fluentui/react-components";
import type { LocalTimescaleView, TimescaleView } from "../../../src/api/contract.js";

const UNIT_NAMES: Record<string, string> = {
  hours: "hours",
  "working-hours": "working hours",
  "calendar-days": "calendar days",
  "working-days": "working days",
  "calendar-weeks": "calendar weeks",
  "calendar-months": "calendar months",
};

const phrase = ({ amount, unit }: TimescaleView): string => {
  const name = UNIT_NAMES[unit] ?? unit;
  return `${amount} ${amount === 1 ? name.replace(/s$/, "") : name}`;
};

/**
 * The timescales the practice framework leaves to the centre (Bexley's letters to referrers): one number each, in
 * the unit of the profile's default.
 */
export function LocalTimescaleFields(props: {
  readonly timescales: readonly LocalTimescaleView[];
  readonly amounts: Readonly<Record<string, string>>;
  readonly onChange: (ruleId: string, amount: string) => void;
}) {
  return (
    <>
      {props.timescales.map((t) => (
        <Field
          key={t.ruleId}
          label={`${t.ruleName} within (${UNIT_NAMES[t.timescale.unit] ?? t.timescale.unit})`}
          hint={`Local practice: the procedure sets no timescale. The default is ${phrase(t.defaultTimescale)}.`}
        >
          <Input
            type="number"
            min={0}
            value={props.amounts[t.ruleId] ?? String(t.timescale.amount)}
            onChange={(_, d) => props.onChange(t.ruleId, d.value)}
          />
        </Field>
      ))}
    </>
  );
}

/** What the form sends: each local timescale as an amount in its unit. */
export const localTimescalesUpdate = (
  timescales: readonly LocalTimescaleView[],
  amounts: Readonly<Record<string, string>>,
): Record<string, TimescaleView> =>
  Object.fromEntries(
    timescales.map((t) => [
      t.ruleId,
      { amount: Number(amounts[t.ruleId] ?? t.timescale.amount), unit: t.timescale.unit },
    ]),
  );
