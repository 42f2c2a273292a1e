import type { Case } from "../../domain/case.js";
import { isRunning, type Deadline } from "../../domain/rules/deadlines.js";
import type { AppDeps } from "../app-deps.js";
import type { CaseReading } from "./case-reading.js";
import { practitionerOfSubject, supervisionClocks } from "../supervision/supervision-log.js";
import { clocksNow } from "./clocks-now.js";
import { nameOf } from "./staff-directory.js";

/** A clock instance a nudge names (the jobs' payloads carry these, never the case's contents). */
export interface ClockRef {
  readonly caseId: string;
  readonly ruleId: string;
  readonly instance: number;
}

/** One clock on one case (or of a practitioner: `label` says whose), for personal due lists and nudges. */
export interface DueClock {
  readonly caseId: string;
  readonly caseSummary?: string;
  /** 11.5: the case is flagged high risk. */
  readonly highRisk?: true;
  /** What the clock is about when it is not a case's (a practitioner's supervision). */
  readonly label?: string;
  readonly deadline: Deadline;
}

/** What a due list says of the case beside its reference: its summary, and its high-risk flag (11.5). */
const caseNaming = (kase: Case): Pick<DueClock, "caseSummary" | "highRisk"> => ({
  ...(kase.summary ? { caseSummary: kase.summary } : {}),
  ...(kase.highRisk ? { highRisk: true as const } : {}),
});

const STILL_DUE = new Set<Deadline["status"]>(["due-soon", "overdue", "breached"]);

/**
 * The clock as it stands now; undefined when it no longer needs anyone (met, cancelled or ended by the case closing
 * since the nudge was queued, or the case is gone), so a stale nudge is never posted.
 */
export async function clockStillDue(
  deps: Pick<AppDeps, "cases" | "supervisions" | "staff" | "profile" | "calendar" | "clock">,
  ref: ClockRef,
): Promise<DueClock | undefined> {
  const practitionerId = practitionerOfSubject(ref.caseId);
  if (practitionerId !== undefined) return supervisionStillDue(deps, practitionerId, ref);
  const stored = await deps.cases.findCase(ref.caseId);
  if (stored === undefined) return undefined;
  const deadline = clocksNow(deps)
    .all(stored.case)
    .find((d) => d.ruleId === ref.ruleId && d.instance === ref.instance);
  if (deadline === undefined || !STILL_DUE.has(deadline.status) || !isRunning(deadline)) return undefined;
  return { caseId: ref.caseId, ...caseNaming(stored.case), deadline };
}

/** 11.6: a practitioner's supervision clock, named for them (it is theirs, not a case's). */
async function supervisionStillDue(
  deps: Pick<AppDeps, "supervisions" | "staff" | "profile" | "calendar" | "clock">,
  practitionerId: string,
  ref: ClockRef,
): Promise<DueClock | undefined> {
  const deadline = (await supervisionClocks(deps, practitionerId)).find(
    (d) => d.ruleId === ref.ruleId && d.instance === ref.instance,
  );
  if (deadline === undefined || !STILL_DUE.has(deadline.status)) return undefined;
  const name = await nameOf(deps, practitionerId, "a practitioner");
  return { caseId: ref.caseId, label: `Supervision of ${name}`, deadline };
}

/** What is due soon or overdue on these cases' clocks. */
export const dueClocksOf = (cases: readonly CaseReading[]): DueClock[] =>
  cases.flatMap(({ stored, clocks }) =>
    clocks
      .filter((deadline) => STILL_DUE.has(deadline.status))
      .map((deadline) => ({ caseId: stored.case.id, ...caseNaming(stored.case), deadline })),
  );
