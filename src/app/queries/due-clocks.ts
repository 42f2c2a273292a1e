import { isRunning, type Deadline } from "../../domain/rules/deadlines.js";
import type { AppDeps } from "../app-deps.js";
import type { CaseReading } from "./case-reading.js";
import { clocksNow } from "./clocks-now.js";

/** A clock instance a nudge names (the jobs' payloads carry these, never the case's contents). */
export interface ClockRef {
  readonly caseId: string;
  readonly ruleId: string;
  readonly instance: number;
}

/** One clock on one case, for personal due lists and nudges. */
export interface DueClock {
  readonly caseId: string;
  readonly caseSummary?: string;
  readonly deadline: Deadline;
}

const STILL_DUE = new Set<Deadline["status"]>(["due-soon", "overdue", "breached"]);

/**
 * The clock as it stands now; undefined when it no longer needs anyone (met, cancelled or ended by the case closing
 * since the nudge was queued, or the case is gone), so a stale nudge is never posted.
 */
export async function clockStillDue(
  deps: Pick<AppDeps, "cases" | "profile" | "calendar" | "clock">,
  ref: ClockRef,
): Promise<DueClock | undefined> {
  const stored = await deps.cases.findCase(ref.caseId);
  if (stored === undefined) return undefined;
  const deadline = clocksNow(deps)
    .all(stored.case)
    .find((d) => d.ruleId === ref.ruleId && d.instance === ref.instance);
  if (deadline === undefined || !STILL_DUE.has(deadline.status) || !isRunning(deadline)) return undefined;
  return { caseId: ref.caseId, ...(stored.case.summary ? { caseSummary: stored.case.summary } : {}), deadline };
}

/** What is due soon or overdue on these cases' clocks. */
export const dueClocksOf = (cases: readonly CaseReading[]): DueClock[] =>
  cases.flatMap(({ stored, clocks }) =>
    clocks
      .filter((deadline) => STILL_DUE.has(deadline.status))
      .map((deadline) => ({
        caseId: stored.case.id,
        ...(stored.case.summary ? { caseSummary: stored.case.summary } : {}),
        deadline,
      })),
  );
