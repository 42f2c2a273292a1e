import type { CaseEvent } from "../../domain/case-events.js";
import type { Refused } from "../outcome.js";
import type { DecisionMade } from "../queries/panels.js";
import type { ActionOutcome } from "./case-action.js";

type Answer =
  | Refused
  | { readonly status: "recorded"; readonly events: readonly CaseEvent[] }
  | { readonly status: "recorded"; readonly event: CaseEvent }
  | { readonly status: "already-recorded"; readonly event: CaseEvent }
  | { readonly status: "already-decided"; readonly decision: DecisionMade | CaseEvent }
  /** Duty triage's answer: its decision event, recorded now or found on the log. */
  | { readonly status: "recorded" | "already-decided"; readonly decision: CaseEvent };

const decided = (decision: DecisionMade | CaseEvent): string =>
  "outcomeLabel" in decision
    ? `It was already decided by ${decision.byName} at ${decision.at}: ${decision.outcomeLabel}.`
    : `It was already decided by ${decision.by.displayName ?? decision.by.id} at ${decision.at}.`;

/** A use case's own answer as an action's: recorded (with its events), already done (and by whom), or refused. */
export function asActionOutcome(answer: Answer): ActionOutcome {
  switch (answer.status) {
    case "refused":
      return answer;
    case "recorded":
      return {
        status: "recorded",
        events: "events" in answer ? answer.events : "event" in answer ? [answer.event] : [answer.decision],
      };
    case "already-recorded":
      return { status: "already-recorded", events: [answer.event] };
    case "already-decided":
      return { status: "already-decided", message: `${decided(answer.decision)} Nothing new was recorded.` };
  }
}
