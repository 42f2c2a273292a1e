import type { CaseChange } from "../../app/change-case.js";
import type { Refused } from "../../app/outcome.js";
import type { DecisionMade } from "../../app/queries/panels.js";
import type { CaseEvent } from "../../domain/case-events.js";
import { caseWarnings } from "../../domain/rules/warnings.js";
import type { AppDeps } from "../../app/app-deps.js";
import type { StoredCase } from "../../ports/cases.js";
import type { MutationResult } from "../contract.js";
import { ApiError, RefusalError } from "../errors.js";
import { timelineEntry } from "./case-detail-view.js";

type Framework = Pick<AppDeps, "profile" | "calendar">;

/** The warnings the change's own events raised (4.2 a late visit): said to the person as they record it. */
function warningsOf(change: CaseChange, { profile, calendar }: Framework): string[] {
  const added = new Set(change.events.map((e) => e.seq));
  return caseWarnings(change.case, profile, calendar)
    .filter((w) => added.has(w.seq))
    .map((w) => `${w.message} (${w.citation.display})`);
}

/**
 * What a recorded change answers: the case's new ETag and state, the events it added to the audit trail, and what
 * they warn of.
 */
export const mutationResult = (
  change: CaseChange,
  framework: Framework,
  extra: Partial<MutationResult> = {},
): MutationResult => ({
  caseId: change.case.id,
  etag: change.etag,
  state: change.case.state,
  events: change.events.map((event) => timelineEntry(event, framework.profile)),
  warnings: warningsOf(change, framework),
  ...extra,
});

/** A repeat of something already on the log (a retried request): the case as it stands, the event that holds. */
export const alreadyRecorded = (stored: StoredCase, event: CaseEvent, framework: Framework): MutationResult =>
  mutationResult({ case: stored.case, events: [event], etag: stored.etag }, framework);

/** A refusal as the API answers it (403, 404, 409 by its code; a stale view is the API's own 412). */
export const refusal = (refused: Refused): Error =>
  refused.code === "APP.CHANGED_SINCE_READ"
    ? new ApiError("API.STALE_ETAG", refused.message)
    : new RefusalError(refused.code, refused.message);

/** A panel decision someone else already made: 409, saying who decided, when and what. */
export const alreadyDecided = (caseId: string, decision: DecisionMade): RefusalError =>
  new RefusalError(
    "CASE.ALREADY_DECIDED",
    `Case ${caseId} was already decided by ${decision.byName} at ${decision.at}: ${decision.outcomeLabel}. Nothing new was recorded.`,
  );
