import { deadlines } from "../../src/domain/policy/deadlines.js";
import type { BotDeps } from "../bot-deps.js";
import type { DueItem } from "../cards/elements/due-items.js";

/** A clock instance a nudge names (the jobs' payloads carry these, never the case's contents). */
export interface ClockRef {
  readonly caseId: string;
  readonly ruleId: string;
  readonly instance: number;
}

const STILL_DUE = new Set(["due-soon", "overdue", "breached"]);

/** Reads a clock reference from a payload the nudge job wrote; anything else is not one. */
export function clockRef(value: unknown): ClockRef | undefined {
  const v = value as Partial<Record<keyof ClockRef, unknown>> | null;
  if (typeof v !== "object" || v === null) return undefined;
  const { caseId, ruleId, instance } = v;
  if (typeof caseId !== "string" || typeof ruleId !== "string" || typeof instance !== "number") return undefined;
  return { caseId, ruleId, instance };
}

/**
 * The clock as it stands now, for a nudge card; undefined when it no longer needs anyone (met or cancelled since the
 * nudge was queued, or the case is gone), so a stale nudge is never posted.
 */
export async function stillDue(deps: BotDeps, ref: ClockRef): Promise<DueItem | undefined> {
  const stored = await deps.app.cases.findCase(ref.caseId);
  if (stored === undefined) return undefined;
  const { profile, calendar, clock } = deps.app;
  const deadline = deadlines(stored.case, profile, calendar, clock.now()).find(
    (d) => d.ruleId === ref.ruleId && d.instance === ref.instance,
  );
  if (deadline === undefined || !STILL_DUE.has(deadline.status)) return undefined;
  return { caseId: ref.caseId, ...(stored.case.summary ? { caseSummary: stored.case.summary } : {}), deadline };
}

/** Every clock of a digest still due, in the order given. */
export async function stillDueAll(deps: BotDeps, refs: readonly unknown[]): Promise<DueItem[]> {
  const items = await Promise.all(
    refs.map((r) => clockRef(r)).map((ref) => (ref === undefined ? undefined : stillDue(deps, ref))),
  );
  return items.filter((i): i is DueItem => i !== undefined);
}

/** A person's name for a card addressed to them; the duty chat is addressed as a team. */
export async function nameOf(deps: BotDeps, staffId: string | undefined, fallback: string): Promise<string> {
  if (staffId === undefined) return fallback;
  return (await deps.staff.get(staffId))?.value.displayName ?? fallback;
}
