import type { NotAContactReason } from "../domain/contact.js";
import type { AppDeps } from "./app-deps.js";
import type { Refused } from "./outcome.js";
import type { Decider } from "./decider.js";
import { decideTriage, type TriageDecided } from "./triage-decision.js";

export interface NotAContactInput {
  readonly reason: NotAContactReason;
  /** Needed when the reason is "other". */
  readonly note?: string;
}

/**
 * Duty triage: what opened the case was not a request for help (spam, wrong mailbox, a duplicate, a general
 * enquiry…). The case closes with its clocks ended and no outcome letters; its acknowledgement is cancelled if
 * it has not gone.
 */
export function markNotAContact(
  deps: AppDeps,
  caseId: string,
  who: Decider,
  input: NotAContactInput,
): Promise<TriageDecided | Refused> {
  return decideTriage(deps, caseId, who, async () => ({
    type: "markNotAContact",
    reason: input.reason,
    ...(input.note ? { note: input.note } : {}),
  }));
}
