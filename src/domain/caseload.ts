import type { Profile } from "./rules/profile-schema.js";
import type { Staff } from "./staff.js";

/** Rule 11.3: a warning shown on allocation, never a refusal — the manager decides. */
export interface CaseloadCheck {
  readonly limit: number;
  readonly count: number;
  readonly over: boolean;
  readonly message: string;
}

/**
 * Compares a practitioner's open cases with their limit: their own agreed limit if they have one, else the
 * profile's for their hours. `openCaseCount` counts the case being allocated, so the 21st family warns at 20.
 */
export function caseloadCheck(
  practitioner: Pick<Staff, "displayName" | "hours" | "caseloadLimit">,
  openCaseCount: number,
  profile: Pick<Profile, "caseloadLimits">,
): CaseloadCheck {
  const hoursLimit =
    practitioner.hours === "full-time" ? profile.caseloadLimits.fullTime : profile.caseloadLimits.partTime;
  const limit = practitioner.caseloadLimit ?? hoursLimit;
  const whose =
    practitioner.caseloadLimit === undefined
      ? `the limit for a ${practitioner.hours} practitioner`
      : "their agreed limit";
  const over = openCaseCount > limit;
  const families = `${openCaseCount} open ${openCaseCount === 1 ? "family" : "families"}`;
  const message = over
    ? `${practitioner.displayName} would have ${families}, over ${whose} of ${limit}. Check capacity before allocating.`
    : `${practitioner.displayName} would have ${families}, within ${whose} of ${limit}.`;
  return { limit, count: openCaseCount, over, message };
}
