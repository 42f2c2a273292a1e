import type { CaseEventType } from "../../domain/case-events.js";
import type { Profile, Rule } from "../../domain/rules/profile-schema.js";

/** The events a rule listens for: what starts, stops or cancels its clock, or triggers its check or warning. */
export function eventsOf(rule: Rule): readonly CaseEventType[] {
  switch (rule.kind) {
    case "clock":
      return [...rule.start, ...rule.stop, ...rule.cancelledBy].map((m) => m.event);
    case "check":
    case "warning":
    case "limit":
      return rule.on.map((m) => m.event);
    default:
      return [];
  }
}

/** Whether the practice framework has a use for an event: some rule of the profile names it (11.5, the LADO). */
export const profileNames = (profile: Profile, event: CaseEventType): boolean =>
  profile.rules.some((rule) => eventsOf(rule).includes(event));
