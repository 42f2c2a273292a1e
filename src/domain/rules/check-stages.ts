import type { Case } from "../case.js";
import { closesCaseOutright } from "../case-closing.js";
import type { CaseEvent, CaseEventType } from "../case-events.js";
import { cite, type CitedSource } from "./cite.js";
import { matchesAnyEvent, matchesEvent } from "./event-matcher.js";
import type { CheckRule, Profile } from "./profile-schema.js";

/** evidenced: the log shows it; missing: its window closed without it; awaiting: its window is still open. */
export type StageStatus = "evidenced" | "missing" | "awaiting";

/** One stage of a check on a case: the event that made it a stage, and whether the log evidences the check there. */
export interface CheckStage {
  readonly seq: number;
  readonly event: CaseEventType;
  readonly at: string;
  readonly status: StageStatus;
  /** The evidencing event's instant, when evidenced. */
  readonly evidencedAt?: string;
}

/** A check the log can evidence, evaluated stage by stage (9 voice of the child, Bexley §12 oversight). */
export interface EvaluatedCheck {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitedSource;
  readonly items: CheckRule["items"];
  readonly stages: readonly CheckStage[];
}

const ms = (iso: string): number => Date.parse(iso);

/** The stages of the check in the order they happened: each event its `on` matches (`first`: only the first). */
function stagesOf(rule: CheckRule, ordered: readonly CaseEvent[]): CaseEvent[] {
  const seen = new Set<number>();
  return ordered.filter((event) =>
    rule.on.some((matcher, i) => {
      if (!matchesEvent(matcher, event) || (matcher.first === true && seen.has(i))) return false;
      seen.add(i);
      return true;
    }),
  );
}

/** Where a stage's evidence may fall: after `after` (or from `from`), and by `by` (or before `before`). */
interface Window {
  readonly after?: string;
  readonly from?: string;
  readonly by?: string;
  readonly before?: string;
  /** Nothing more can fall in it: the next stage has come, or the case has closed. */
  readonly closed: boolean;
}

function windowOf(
  kind: NonNullable<CheckRule["evidence"]>["window"],
  stages: readonly CaseEvent[],
  i: number,
  closing: CaseEvent | undefined,
): Window {
  const stage = stages[i] as CaseEvent;
  if (kind === "since-previous-stage") {
    const previous = stages[i - 1];
    return { ...(previous ? { after: previous.at } : {}), by: stage.at, closed: true };
  }
  const end = stages[i + 1] ?? closing;
  return { from: stage.at, ...(end ? { before: end.at } : {}), closed: end !== undefined };
}

const inWindow = (w: Window, at: string): boolean =>
  (w.after === undefined || ms(at) > ms(w.after)) &&
  (w.from === undefined || ms(at) >= ms(w.from)) &&
  (w.by === undefined || ms(at) <= ms(w.by)) &&
  (w.before === undefined || ms(at) < ms(w.before));

function evaluate(rule: CheckRule, evidence: NonNullable<CheckRule["evidence"]>, ordered: readonly CaseEvent[]) {
  const stages = stagesOf(rule, ordered);
  const evidencing = ordered.filter((e) => matchesAnyEvent(evidence.events, e));
  const closing = ordered.find(closesCaseOutright);
  return stages.map((stage, i): CheckStage => {
    const base = { seq: stage.seq, event: stage.type, at: stage.at };
    const window = windowOf(evidence.window, stages, i, closing);
    const found = evidencing.find((e) => inWindow(window, e.at));
    if (found !== undefined) return { ...base, status: "evidenced", evidencedAt: found.at };
    return { ...base, status: window.closed ? "missing" : "awaiting" };
  });
}

/**
 * Every check of the profile that the log can evidence, evaluated at each of its stages on the case: where the voice
 * of the child (9) or a manager's oversight (Bexley §12) is evident, where it is missing, and where it may yet come.
 */
export function evaluatedChecks(kase: Case, profile: Profile): EvaluatedCheck[] {
  const ordered = [...kase.events].sort((a, b) => a.seq - b.seq);
  return profile.rules.flatMap((rule) => {
    if (rule.kind !== "check" || rule.evidence === undefined) return [];
    const stages = evaluate(rule, rule.evidence, ordered);
    if (stages.length === 0) return [];
    return [{ ruleId: rule.id, ruleName: rule.name, citation: cite(rule, profile), items: rule.items, stages }];
  });
}

/**
 * The checks a closure requested at `now` would meet (the closure checklist shows them before the worker asks): only
 * the closure's own stages, evaluated as if the request were in the log.
 */
export function checksAtClosure(kase: Case, profile: Profile, now: Date): EvaluatedCheck[] {
  const seq = kase.events.reduce((last, e) => Math.max(last, e.seq), 0) + 1;
  const request: CaseEvent = {
    seq,
    type: "closure.requested",
    at: now.toISOString(),
    by: { kind: "system", id: "closure-checklist" },
    data: { checklist: {} },
  };
  return evaluatedChecks({ ...kase, events: [...kase.events, request] }, profile).flatMap((check) => {
    const stages = check.stages.filter((s) => s.seq === seq);
    return stages.length === 0 ? [] : [{ ...check, stages }];
  });
}
