import type { CaseEvent } from "./case-events.js";

/**
 * Whether an event closes a case outright, whatever the decision outcomes on offer: manager sign-off (8.1), duty
 * triage closing a case opened in error (linked, not a contact), Social Care confirming Level 4 with no Early Help
 * support wanted (7.4), a transfer to another centre of the county (issue 21 §4), and consent refused with no manager's decision to override it (seed 002 §2, seed 004). The
 * lifecycle closes the case at these events and the clocks end at them: one list for both.
 */
export function closesCaseOutright(event: CaseEvent): boolean {
  switch (event.type) {
    case "closure.signed-off":
    case "case.linked":
    case "case.marked-not-a-contact":
    case "case.transferred":
      return true;
    case "social-care.level4-confirmed":
      return !event.data.wraparound;
    case "consent.recorded":
      return !event.data.given && event.data.overriddenByManagerDecision !== true;
    default:
      return false;
  }
}
