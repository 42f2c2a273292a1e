import { checkLinkTarget } from "../domain/lifecycle/index.js";
import type { AppDeps } from "./app-deps.js";
import type { Refused } from "./outcome.js";
import type { Decider } from "./decider.js";
import { contactIdsOf, decideTriage, type TriageDecided } from "./triage-decision.js";

export interface LinkContactInput {
  /** The case the contact was really about (`FC-2026-000123`). */
  readonly toCaseId: string;
  readonly note?: string;
}

/**
 * Duty triage: the contact logged as a new case was about a case we already hold. It moves there (logged as a
 * follow-up, so no second acknowledgement), the new case closes as linked with its clocks ended, and its
 * acknowledgement is cancelled if it has not gone. Refused for a target that does not exist (STORE.NOT_FOUND) or
 * is closed, and once screening has decided the new case (CASE.TRANSITION_NOT_ALLOWED).
 */
export function linkContact(
  deps: AppDeps,
  caseId: string,
  who: Decider,
  input: LinkContactInput,
): Promise<TriageDecided | Refused> {
  return decideTriage(deps, caseId, who, async (stored) => {
    const target = await deps.cases.getCase(input.toCaseId);
    checkLinkTarget(target.case);
    return {
      type: "linkContactToCase",
      toCaseId: target.case.id,
      contactIds: contactIdsOf(stored.case),
      ...(input.note ? { note: input.note } : {}),
    };
  });
}
