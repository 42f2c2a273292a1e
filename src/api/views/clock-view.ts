import type { Case } from "../../domain/case.js";
import { CONTACT_KIND_LABELS } from "../../domain/contact.js";
import { STATE_PHRASES } from "../../domain/lifecycle/index.js";
import { deadlines, nextDue, runningDeadlines, type Deadline } from "../../domain/policy/deadlines.js";
import { pendingDueAt } from "../../domain/policy/deadline.js";
import type { StoredCase } from "../../ports/cases.js";
import type { CaseSummary, CaseWithClocks, ClockView, Rag } from "../contract.js";
import type { AppDeps } from "../../app/app-deps.js";

const RAG_OF: Record<Deadline["status"], Rag> = {
  breached: "red",
  overdue: "red",
  "due-soon": "amber",
  "on-track": "green",
  met: "none",
  cancelled: "none",
};
const RAG_ORDER: readonly Rag[] = ["red", "amber", "green", "none"];

export function clockView(d: Deadline): ClockView {
  const next = pendingDueAt(d);
  return {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    citation: d.citation,
    instance: d.instance,
    startedAt: d.startedAt,
    ...(d.expected ? { expected: d.expected } : {}),
    ...(d.maximum ? { maximum: d.maximum } : {}),
    status: d.status,
    rag: RAG_OF[d.status],
    ...(next === undefined ? {} : { nextDueAt: next }),
    ...(d.stoppedAt === undefined ? {} : { stoppedAt: d.stoppedAt }),
    ...(d.cancelledAt === undefined ? {} : { cancelledAt: d.cancelledAt }),
    ...(d.metOnTime === undefined ? {} : { metOnTime: d.metOnTime }),
    ...(d.withinMaximum === undefined ? {} : { withinMaximum: d.withinMaximum }),
    ...(d.reason === undefined ? {} : { reason: d.reason }),
  };
}

/** The worst of the clocks' colours: one red clock makes the case red. */
export const worstRag = (clocks: readonly { readonly rag: Rag }[]): Rag =>
  RAG_ORDER.find((rag) => clocks.some((c) => c.rag === rag)) ?? "none";

export function caseSummary(kase: Case, names: ReadonlyMap<string, string>): CaseSummary {
  const leadWorkerName = kase.leadWorkerId === undefined ? undefined : names.get(kase.leadWorkerId);
  return {
    caseId: kase.id,
    state: kase.state,
    statePhrase: STATE_PHRASES[kase.state],
    kind: kase.kind,
    kindLabel: CONTACT_KIND_LABELS[kase.kind],
    openedAt: kase.openedAt,
    ...(kase.summary === undefined ? {} : { summary: kase.summary }),
    ...(kase.leadWorkerId === undefined ? {} : { leadWorkerId: kase.leadWorkerId }),
    ...(leadWorkerName === undefined ? {} : { leadWorkerName }),
  };
}

export type ClockDeps = Pick<AppDeps, "profile" | "calendar" | "clock">;

export function allClocks(kase: Case, deps: ClockDeps): Deadline[] {
  return deadlines(kase, deps.profile, deps.calendar, deps.clock.now());
}

/** Only the clocks still running (lists show nothing else): finished ones are neither computed nor shown. */
export function runningClocks(kase: Case, deps: ClockDeps): Deadline[] {
  return runningDeadlines(kase, deps.profile, deps.calendar, deps.clock.now());
}

/** A case with its running clocks and colour, as every list shows it (`running`: its runningClocks, when known). */
export function caseWithClocks(
  stored: StoredCase,
  deps: ClockDeps,
  names: ReadonlyMap<string, string>,
  running: readonly Deadline[] = runningClocks(stored.case, deps),
): CaseWithClocks {
  const clocks = running.map(clockView);
  // Finished clocks have no pending due instant, so the running ones alone give the next.
  const next = nextDue(running);
  return {
    ...caseSummary(stored.case, names),
    rag: worstRag(clocks),
    ...(next === undefined ? {} : { nextDueAt: next }),
    clocks,
    etag: stored.etag,
  };
}

/** Red, amber, green, none; then the soonest due first. */
export function byRagThenDue(a: CaseWithClocks, b: CaseWithClocks): number {
  const rag = RAG_ORDER.indexOf(a.rag) - RAG_ORDER.indexOf(b.rag);
  if (rag !== 0) return rag;
  return (a.nextDueAt ?? "9999").localeCompare(b.nextDueAt ?? "9999");
}
