import type { Calendar } from "../calendar/calendar.js";
import type { Case } from "../case.js";
import type { CaseEvent, CaseEventType } from "../case-events.js";
import { cite, type CitedSource } from "./cite.js";
import { matchesEvent } from "./event-matcher.js";
import type { Profile, WarningRule } from "./profile-schema.js";

/** A warning a rule raised on a case: shown to the person, never a refusal (4.2 a late visit). */
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

/** Every warning the profile's warning rules raise on the case's events, oldest first (4.2 a late visit). */
export function caseWarnings(kase: Case, profile: Profile, calendar: Calendar): RaisedWarning[] {
  const rules = profile.rules.filter((r): r is WarningRule => r.kind === "warning");
  return [...kase.events]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((event) =>
      rules
        .filter((rule) => raises(rule, event, calendar))
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
