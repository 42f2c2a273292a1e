import type { Case } from "../../domain/case.js";
import { CONTACT_KIND_LABELS } from "../../domain/contact.js";
import { STATE_PHRASES } from "../../domain/lifecycle/index.js";
import { pendingDueAt, type Deadline } from "../../domain/rules/deadline.js";
import { ragOf } from "../../domain/rules/urgency.js";
import type { CaseReading } from "../../app/queries/case-reading.js";
import type { CaseSummary, CaseWithClocks, ClockView } from "../contract.js";

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
    rag: ragOf(d),
    ...(next === undefined ? {} : { nextDueAt: next }),
    ...(d.stoppedAt === undefined ? {} : { stoppedAt: d.stoppedAt }),
    ...(d.cancelledAt === undefined ? {} : { cancelledAt: d.cancelledAt }),
    ...(d.endedAt === undefined ? {} : { endedAt: d.endedAt }),
    ...(d.metOnTime === undefined ? {} : { metOnTime: d.metOnTime }),
    ...(d.withinMaximum === undefined ? {} : { withinMaximum: d.withinMaximum }),
    ...(d.reason === undefined ? {} : { reason: d.reason }),
  };
}

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
    ...(kase.highRisk ? { highRisk: true as const } : {}),
  };
}

/** A case as every list in the tab shows it: its summary, running clocks, colour and what is next due. */
export const caseWithClocks = (reading: CaseReading, names: ReadonlyMap<string, string>): CaseWithClocks => ({
  ...caseSummary(reading.stored.case, names),
  rag: reading.rag,
  ...(reading.nextDueAt === undefined ? {} : { nextDueAt: reading.nextDueAt }),
  clocks: reading.clocks.map(clockView),
  etag: reading.stored.etag,
});
