import type { Calendar } from "../calendar/calendar.js";
import type { Case } from "../case.js";
import type { CaseEvent, CaseEventType } from "../case-events.js";
import { cite, type CitedSource } from "./cite.js";
import { matchesEvent } from "./event-matcher.js";
import type { Profile, WarningRule } from "./profile-schema.js";

/** A warning a rule raised on a case: shown to the person, never a refusal (4.2 a late visit, 11.5 high risk). */
export interface RaisedWarning {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitedSource;
  readonly message: string;
  /** The event that raised it. */
  readonly seq: number;
  readonly event: CaseEventType;
  readonly at: string;
}

/** Whether the event raises the rule: one of its matchers, at or after that matcher's clock time if it has one. */
const raises = (rule: WarningRule, event: CaseEvent, calendar: Calendar): boolean =>
  rule.on.some(
    ({ atOrAfter, ...matcher }) =>
      matchesEvent(matcher, event) &&
      // HH:mm strings order as the times they name.
      (atOrAfter === undefined || calendar.localTime(new Date(event.at)) >= atOrAfter),
  );

/** Whether a later event withdrew what this one raised. */
const withdrawn = (rule: WarningRule, event: CaseEvent, ordered: readonly CaseEvent[]): boolean =>
  ordered.some((later) => later.seq > event.seq && rule.withdrawnBy.some((m) => matchesEvent(m, later)));

/**
 * Every warning the profile's warning rules raise on the case's events and that still stands, oldest first (4.2 a
 * late visit, 11.5 a case flagged high risk).
 */
export function caseWarnings(kase: Case, profile: Profile, calendar: Calendar): RaisedWarning[] {
  const rules = profile.rules.filter((r): r is WarningRule => r.kind === "warning");
  const ordered = [...kase.events].sort((a, b) => a.seq - b.seq);
  return ordered.flatMap((event) =>
    rules
      .filter((rule) => raises(rule, event, calendar) && !withdrawn(rule, event, ordered))
      .map((rule) => ({
        ruleId: rule.id,
        ruleName: rule.name,
        citation: cite(rule, profile),
        message: rule.message,
        seq: event.seq,
        event: event.type,
        at: event.at,
      })),
  );
}
