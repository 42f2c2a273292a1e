import { closesCaseOutright } from "../case-closing.js";
import type { CaseEvent } from "../case-events.js";
import type { ContactKind } from "../contact.js";
import { matchesAnyEvent } from "./event-matcher.js";
import type { ClockRule } from "./profile-schema.js";

/**
 * One run of a clock rule, found from the event log alone (no timescales, no `now`): when it started,
 * and whether and how it ended. `deadlines.ts` adds the due instants and the status.
 */
export interface ClockInstance {
  /** 1-based, in the order instances opened; with `clock.reason-recorded` it names the instance. */
  readonly instance: number;
  /** The `correlateBy` value of the start event (e.g. the contact id for 1.2). */
  readonly key?: string;
  readonly startedAt: string;
  readonly stoppedAt?: string;
  readonly cancelledAt?: string;
  /**
   * The case closed (or the rule's recurrence ended) with this instance running. Its duty ended there, unmet:
   * `deadline.ts` keeps it breached when it was already past its maximum, and cancels it otherwise.
   */
  readonly endedAt?: string;
  /** Why the clock was exceeded, as recorded by a `clock.reason-recorded` event. */
  readonly reason?: string;
}

interface OpenInstance {
  instance: number;
  key: string | undefined;
  startedAt: string;
  stoppedAt?: string;
  cancelledAt?: string;
  endedAt?: string;
}

/** Whether the rule covers a case of this kind; practitioner clocks (no case kind) always apply. */
export function appliesToCaseKind(rule: ClockRule, kind: ContactKind | undefined): boolean {
  if (kind === undefined) return true;
  const { caseKinds, excludeCaseKinds } = rule.appliesTo ?? {};
  if (caseKinds !== undefined && !caseKinds.includes(kind)) return false;
  return !(excludeCaseKinds ?? []).includes(kind);
}

function correlationKey(rule: ClockRule, event: CaseEvent): string | undefined {
  if (rule.correlateBy === undefined) return undefined;
  const value = (event.data as Readonly<Record<string, unknown>>)[rule.correlateBy];
  return value === undefined ? undefined : String(value);
}

const instantOf = (iso: string): number => Date.parse(iso);

/**
 * Scans the log in `seq` order and returns every instance of the rule. For one event: reopenings first (a stopped
 * instance of the same key runs again from its start), then stops (each
 * open instance of the same key that started at or before it is met; a recurring rule restarts from it),
 * then ends: cancelledBy (the case left the rule's path, so it never applied: cancelled, not breached), then
 * recurrence.until and the case closing outright (the duty ended unmet: `endedAt`, so a clock already past its maximum
 * stays breached; a rule that `runsAfterClosure` goes on), then starts (unless a restart already opened that key at
 * this event).
 */
export function clockInstances(
  rule: ClockRule,
  events: readonly CaseEvent[],
  caseKind: ContactKind | undefined,
): ClockInstance[] {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const all: OpenInstance[] = [];
  const applies = appliesToCaseKind(rule, caseKind);
  const open = (key: string | undefined, startedAt: string): OpenInstance => {
    const instance: OpenInstance = { instance: all.length + 1, key, startedAt };
    all.push(instance);
    return instance;
  };
  const isOpen = (i: OpenInstance): boolean =>
    i.stoppedAt === undefined && i.cancelledAt === undefined && i.endedAt === undefined;

  for (const event of ordered) {
    if (rule.measure === "recording-delay") {
      // Each recorded visit or contact is its own clock, met when it was written into the record.
      if (applies && matchesAnyEvent(rule.start, event)) {
        open(correlationKey(rule, event), event.at).stoppedAt = event.recordedAt ?? event.at;
      }
      continue;
    }

    const cancels = matchesAnyEvent(rule.cancelledBy, event);
    const closes =
      (closesCaseOutright(event) && !rule.runsAfterClosure) || matchesAnyEvent(rule.recurrence?.until ?? [], event);
    const ends = cancels || closes;
    const openedHere = new Set<string | undefined>();

    if (matchesAnyEvent(rule.reopenedBy, event)) {
      const key = correlationKey(rule, event);
      const met = all.filter((i) => i.stoppedAt !== undefined && i.cancelledAt === undefined && i.key === key);
      for (const instance of met) delete instance.stoppedAt;
    }

    if (matchesAnyEvent(rule.stop, event)) {
      const key = correlationKey(rule, event);
      const stopped = all.filter((i) => isOpen(i) && i.key === key && instantOf(i.startedAt) <= instantOf(event.at));
      for (const i of stopped) i.stoppedAt = event.at;
      // A recurring clock runs again from the stop, unless this same event ends the recurrence.
      if (rule.recurrence?.restartOn === "stop" && stopped.length > 0 && !ends) {
        open(key, event.at);
        openedHere.add(key);
      }
    }

    if (cancels) for (const i of all.filter(isOpen)) i.cancelledAt = event.at;
    if (closes) for (const i of all.filter(isOpen)) i.endedAt = event.at;

    if (applies && matchesAnyEvent(rule.start, event)) {
      const key = correlationKey(rule, event);
      if (!openedHere.has(key)) open(key, event.at);
    }
  }

  const reasons = reasonsFor(rule, ordered);
  return all.map((i) => ({
    instance: i.instance,
    startedAt: i.startedAt,
    ...(i.key !== undefined && { key: i.key }),
    ...(i.stoppedAt !== undefined && { stoppedAt: i.stoppedAt }),
    ...(i.cancelledAt !== undefined && { cancelledAt: i.cancelledAt }),
    ...(i.endedAt !== undefined && { endedAt: i.endedAt }),
    ...(reasons.has(i.instance) && { reason: reasons.get(i.instance) }),
  }));
}

/** The latest recorded reason for each instance of the rule. */
function reasonsFor(rule: ClockRule, ordered: readonly CaseEvent[]): Map<number, string> {
  const reasons = new Map<number, string>();
  for (const event of ordered) {
    if (event.type === "clock.reason-recorded" && event.data.rule === rule.id) {
      reasons.set(event.data.instance, event.data.reason);
    }
  }
  return reasons;
}
