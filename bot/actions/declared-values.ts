import { DateTime } from "luxon";
import type { ActionInput } from "../../src/app/actions/case-action.js";
import { scopedInputId, TIME_PART } from "../cards/elements/declared-inputs.js";

/**
 * The values a card sent for one scope's declared inputs, by the names the service declared; a date and time typed
 * in the centre's time zone becomes the instant the service expects.
 */
export function declaredValues(
  inputs: readonly ActionInput[],
  scope: string,
  data: Readonly<Record<string, unknown>>,
  timeZone: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const input of inputs) {
    const id = scopedInputId(scope, input.name);
    const value = data[id];
    if (typeof value !== "string" || value.trim() === "") continue;
    if (input.type !== "datetime") {
      values[input.name] = value;
      continue;
    }
    const time = data[`${id}${TIME_PART}`];
    const local = DateTime.fromISO(`${value}T${typeof time === "string" && time !== "" ? time : "00:00"}`, {
      zone: timeZone,
    });
    values[input.name] = local.isValid ? local.toUTC().toISO() : value;
  }
  return values;
}
