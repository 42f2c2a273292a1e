import type { Case } from "../case.js";
import type { CaseEvent } from "../case-events.js";
import type { Contact } from "../contact.js";

/** What stands where erased text was. */
export const REDACTED_MARK = "[redacted]";
/** Shorter text would match inside ordinary words and erase more than was asked. */
export const MIN_REDACTION_CHARS = 3;

/** Text to take out of a case: replaced by `correction` (rectification) or by the redacted mark (erasure). */
export interface TextRedaction {
  readonly text: string;
  readonly correction?: string;
}

export type RedactionMode = "corrected" | "redacted";

export const modeOf = (redaction: TextRedaction): RedactionMode =>
  redaction.correction === undefined ? "redacted" : "corrected";

/** `value` with every occurrence of the text replaced in every string it holds (keys, which are ids, are kept). */
export function scrubValue<T>(value: T, redaction: TextRedaction): { readonly value: T; readonly count: number } {
  const replacement = redaction.correction ?? REDACTED_MARK;
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const parts = v.split(redaction.text);
      if (parts.length === 1) return v;
      count += parts.length - 1;
      return parts.join(replacement);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const scrubbed = walk(value) as T;
  return { value: count === 0 ? value : scrubbed, count };
}

/** A case and its contacts with the text taken out of every copy the case holds, and where it was found. */
export interface RedactedCase {
  readonly case: Case;
  readonly contacts: readonly Contact[];
  /** The events and contacts whose rows change: each must be written again. */
  readonly changedEvents: readonly CaseEvent[];
  readonly changedContacts: readonly Contact[];
  /** Where the text was, as field paths and event numbers, never the text itself. */
  readonly places: readonly string[];
}

/**
 * Takes the text out of the case row (family, referrer, summary), every event (data and why) and every contact.
 * Pure: the store writes what changed, and the `redacted` event records that it happened.
 */
export function redactCase(kase: Case, contacts: readonly Contact[], redaction: TextRedaction): RedactedCase {
  const places: string[] = [];
  const { events, ...header } = kase;
  const headerFields = Object.fromEntries(
    Object.entries(header).map(([field, value]) => {
      const scrubbed = scrubValue(value, redaction);
      if (scrubbed.count > 0) places.push(`case.${field}`);
      return [field, scrubbed.value];
    }),
  ) as Omit<Case, "events">;
  const changedEvents: CaseEvent[] = [];
  const nextEvents = events.map((event) => {
    const scrubbed = scrubValue({ why: event.why, data: event.data }, redaction);
    if (scrubbed.count === 0) return event;
    const next = {
      ...event,
      data: scrubbed.value.data,
      ...(scrubbed.value.why === undefined ? {} : { why: scrubbed.value.why }),
    } as CaseEvent;
    places.push(`event ${event.seq} (${event.type})`);
    changedEvents.push(next);
    return next;
  });
  const changedContacts: Contact[] = [];
  const nextContacts = contacts.map((contact) => {
    const { id, caseId, ...rest } = contact;
    const scrubbed = scrubValue(rest, redaction);
    if (scrubbed.count === 0) return contact;
    const next = { ...scrubbed.value, id, caseId } as Contact;
    places.push(`contact ${id}`);
    changedContacts.push(next);
    return next;
  });
  return {
    case: { ...headerFields, events: nextEvents },
    contacts: nextContacts,
    changedEvents,
    changedContacts,
    places,
  };
}
