import type { Case } from "../domain/case.js";
import { deadlines, isRunning, type Deadline } from "../domain/rules/deadlines.js";
import type { CaseHeader } from "../ports/cases.js";
import type { DeadlineEntry, IndexWriteOptions, WorklistCase } from "../ports/indexes.js";
import type { AppDeps } from "./app-deps.js";
import { reportFacts } from "./report-facts.js";

/** The due instants still ahead of each running clock, for the deadline index (nudges scan it by month). */
export function deadlineEntries(kase: Case, deps: Pick<AppDeps, "profile" | "calendar">, now: Date): DeadlineEntry[] {
  return indexEntries(kase.id, deadlines(kase, deps.profile, deps.calendar, now), kase.leadWorkerId);
}

/** Index rows of a subject's running clocks (`subjectId`: a case, or a practitioner's own log), held by `workerId`. */
export function indexEntries(
  subjectId: string,
  clocks: readonly Deadline[],
  workerId: string | undefined,
): DeadlineEntry[] {
  return clocks.filter(isRunning).flatMap((d) =>
    (["expected", "maximum"] as const).flatMap((threshold) => {
      const due = d[threshold];
      return due === undefined
        ? []
        : [
            {
              caseId: subjectId,
              rule: d.ruleId,
              instance: d.instance,
              threshold,
              dueAt: due.at,
              ...(workerId ? { workerId } : {}),
            },
          ];
    }),
  );
}

export const caseHeader = ({ events, ...header }: Case): CaseHeader => ({ ...header, lastSeq: events.length });

/** The first due instant of each running clock (its expected, or its maximum when it has no expected), sorted. */
export const clockDuesOf = (entries: readonly DeadlineEntry[]): string[] => {
  const first = new Map<string, string>();
  for (const e of entries) {
    const clock = `${e.rule}~${e.instance}`;
    const known = first.get(clock);
    if (known === undefined || e.dueAt < known) first.set(clock, e.dueAt);
  }
  return [...first.values()].sort();
};

/** The case as its worklist rows are written: its header and its clocks' first due instants. */
export const worklistCase = (kase: Case, entries: readonly DeadlineEntry[]): WorklistCase => ({
  ...caseHeader(kase),
  clockDues: clockDuesOf(entries),
});

/**
 * Brings the derived views (worklists, deadline index, compliance index) in line with a saved case. Both are idempotent and
 * rebuildable from `Cases`, so a crash between the case write and this only delays them until the next change
 * or rebuild. `fresh` for a case just created: its index rows are written without reading first.
 */
export async function reindexCase(
  deps: Pick<AppDeps, "worklists" | "deadlines" | "compliance" | "profile" | "calendar">,
  kase: Case,
  now: Date,
  options?: IndexWriteOptions,
) {
  const entries = deadlineEntries(kase, deps, now);
  // Three tables, each kept right on its own: written side by side, a change waits for the slowest, not the sum.
  await Promise.all([
    deps.worklists.sync(worklistCase(kase, entries), options),
    deps.deadlines.replaceForCase(kase.id, entries, options),
    deps.compliance.replaceForCase(
      kase.id,
      kase.events.length,
      reportFacts(kase, deps.profile, deps.calendar, now),
      options,
    ),
  ]);
}
