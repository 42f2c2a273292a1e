import type { Case } from "../domain/case.js";
import type { WorklistCase } from "../ports/indexes.js";
import type { AppDeps } from "./app-deps.js";
import { deadlineEntries, worklistCase } from "./reindex-case.js";
import { supervisionEntries, supervisionSubject } from "./supervision/supervision-log.js";
import { reportFacts } from "./report-facts.js";

export interface RebuildCounts {
  readonly cases: number;
  readonly deadlines: number;
}

/**
 * Recomputes every table derived from the case rows (and the practitioners' supervision logs) — worklists, the
 * deadline index, the compliance figures — as
 * the current profile and calendar compute them (after a profile fix, a bank-holiday import, or a lost write).
 * Each case's compliance rows are replaced at its own version, so a change saved meanwhile is never undone.
 */
export async function rebuildIndexes(
  deps: Pick<AppDeps, "cases" | "worklists" | "deadlines" | "compliance" | "supervisions" | "profile" | "calendar">,
  now: Date,
  /** Runs for each case as it is read (the nightly repair queues any outcome letter a decision still calls for). */
  onCase?: (kase: Case) => Promise<unknown>,
): Promise<RebuildCounts> {
  // Each case is read once: its worklist rows are gathered as the deadline index is rebuilt, then written.
  const worklistCases: WorklistCase[] = [];
  let cases = 0;
  let deadlines = 0;
  async function* everyCase() {
    for await (const header of deps.cases.listCaseHeaders()) {
      const { case: kase } = await deps.cases.getCase(header.id);
      await onCase?.(kase);
      await deps.compliance.replaceForCase(
        kase.id,
        kase.events.length,
        reportFacts(kase, deps.profile, deps.calendar, now),
      );
      const entries = deadlineEntries(kase, deps, now);
      worklistCases.push(worklistCase(kase, entries));
      cases += 1;
      deadlines += entries.length;
      yield { caseId: kase.id, entries };
    }
    // The practitioners' own clocks (11.6) live in the same index.
    for (const { key: practitionerId, value } of await deps.supervisions.list()) {
      const entries = supervisionEntries(deps, practitionerId, value.events, now);
      deadlines += entries.length;
      yield { caseId: supervisionSubject(practitionerId), entries };
    }
  }
  await deps.deadlines.rebuild(everyCase());
  await deps.worklists.rebuild(fromArray(worklistCases));
  return { cases, deadlines };
}

async function* fromArray<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}
