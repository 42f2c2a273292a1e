import type { CaseEvent } from "../case-events.js";
import type { EventMatcher } from "./profile-schema.js";

type FieldCondition = NonNullable<EventMatcher["where"]>[string];
type Scalar = string | number | boolean;

/** Whether a data field satisfies one `where` condition: scalar → equal; array → one of; `{not}` → none of. */
function satisfies(value: unknown, condition: FieldCondition): boolean {
  if (Array.isArray(condition)) return condition.some((allowed) => allowed === value);
  if (typeof condition === "object") {
    const excluded: readonly Scalar[] = Array.isArray(condition.not) ? condition.not : [condition.not];
    return !excluded.some((x) => x === value);
  }
  return condition === value;
}

/** Whether an event is of the matcher's type and every `where` field of its data matches. */
export function matchesEvent(matcher: EventMatcher, event: CaseEvent): boolean {
  if (matcher.event !== event.type) return false;
  const data = event.data as Readonly<Record<string, unknown>>;
  return Object.entries(matcher.where ?? {}).every(([field, condition]) => satisfies(data[field], condition));
}

/** Whether any of the matchers matches the event (an empty list matches nothing). */
export function matchesAnyEvent(matchers: readonly EventMatcher[], event: CaseEvent): boolean {
  return matchers.some((m) => matchesEvent(m, event));
}
