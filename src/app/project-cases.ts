import { describeError } from "../logging/logger.js";
import type { Case } from "../domain/case.js";
import type { ProjectionMark } from "../ports/projections.js";
import type { AppDeps } from "./app-deps.js";
import { leaseLost } from "./errors.js";
import { reindexCase } from "./reindex-case.js";

export type ProjectionRound =
  { readonly ran: false; readonly heldBy: string } | { readonly ran: true; readonly cases: number };

type Deps = Pick<
  AppDeps,
  | "cases"
  | "projections"
  | "worklists"
  | "deadlines"
  | "compliance"
  | "leases"
  | "profile"
  | "calendar"
  | "clock"
  | "logger"
>;

/** What projecting one case needs (no lease: the caller's change marked it, or the caller holds the lease). */
type OneCaseDeps = Omit<Deps, "leases" | "logger">;

const LEASE = "projector";
const LEASE_MS = 2 * 60_000;
/** Marks read at a time: each case among them is read once and projected once, however many changes marked it. */
const BATCH = 100;
/** One run goes through a backlog this long at most, then leaves the rest to the next. */
const RUN_FOR_MS = 45_000;

/** Leaves the case's derived rows to the projector: one write, in place of reading and writing them now. */
export const projectLater = (deps: Pick<AppDeps, "projections">, kase: Case, fresh: boolean): Promise<void> =>
  deps.projections.mark({ caseId: kase.id, seq: kase.events.length, fresh });

/**
 * Writes the derived rows of a change that left them marked (`projectLater`) now, from the case's row as it is by
 * then (a later change may have landed: the deadline index is not versioned), and clears its mark: for a caller that
 * answers first and projects after. A failure or a stop part-way leaves the mark to the projector.
 */
export const projectMarked = (deps: OneCaseDeps, kase: Case): Promise<void> =>
  projectOne(deps, kase.id, [{ caseId: kase.id, seq: kase.events.length, fresh: false }]);

/**
 * Writes the derived rows (worklists, deadline index, compliance) of every case a change marked, off the path that
 * changed it, until no mark is left: each case from its row as it is now, so several changes cost one projection.
 * Leased, so that one instance projects at a time. A mark is cleared only after its case is projected, so a stop
 * part-way leaves it for the next run (every run starts with what is waiting); projecting again is harmless (the
 * rows are versioned and idempotent), and `fc rebuild-indexes` and the nightly repair recompute them all anyway.
 */
export async function projectCases(deps: Deps, holderId: string): Promise<ProjectionRound> {
  const acquired = await deps.leases.acquire(LEASE, holderId, LEASE_MS, deps.clock.now());
  if (!acquired.acquired) return { ran: false, heldBy: acquired.heldBy };
  let lease = acquired.lease;
  const until = deps.clock.now().getTime() + RUN_FOR_MS;
  let cases = 0;
  try {
    for (;;) {
      const marks = await deps.projections.due(BATCH);
      let failed = 0;
      for (const [caseId, ofCase] of byCase(marks)) {
        try {
          await projectOne(deps, caseId, ofCase);
          cases++;
        } catch (error) {
          // Its marks stay, for the next run; one case that cannot be projected never holds up the others.
          failed++;
          deps.logger.error("projection.failed", { caseId, ...describeError(error) });
        }
      }
      if (marks.length < BATCH || failed > 0 || deps.clock.now().getTime() >= until) break;
      const renewed = await deps.leases.renew(lease, LEASE_MS, deps.clock.now());
      if (!renewed.acquired) throw leaseLost(LEASE);
      lease = renewed.lease;
    }
    if (cases > 0) deps.logger.info("projection.ran", { cases });
    return { ran: true, cases };
  } finally {
    await deps.leases.release(lease);
  }
}

async function projectOne(deps: OneCaseDeps, caseId: string, marks: readonly ProjectionMark[]): Promise<void> {
  const found = await deps.cases.findCase(caseId);
  // A case deleted since (retention) took its derived rows with it: nothing to project.
  if (found !== undefined) {
    await reindexCase(deps, found.case, deps.clock.now(), { fresh: marks.some((m) => m.fresh) });
  }
  await deps.projections.clear(marks);
}

function byCase(marks: readonly ProjectionMark[]): Map<string, ProjectionMark[]> {
  const grouped = new Map<string, ProjectionMark[]>();
  for (const mark of marks) grouped.set(mark.caseId, [...(grouped.get(mark.caseId) ?? []), mark]);
  return grouped;
}
