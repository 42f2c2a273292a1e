import type { Calendar } from "../domain/calendar/calendar.js";
import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import { evaluatedChecks } from "../domain/rules/check-stages.js";
import { deadlines } from "../domain/rules/deadlines.js";
import type { Profile } from "../domain/rules/profile-schema.js";
import type { CaseReportFacts, CheckOutcomeEntry, ClockOutcomeEntry, PanelDecisionEntry } from "../ports/indexes.js";

/** The decision events an agenda reports as "decided today", by the panel that makes them. */
const PANEL_OF_EVENT: Partial<Record<CaseEvent["type"], string>> = {
  "screening.decided": "screening",
  "maam.decided": "maam",
  "transfer-panel.decided": "transfer-panel",
};

function clockOutcomes(kase: Case, profile: Profile, calendar: Calendar, now: Date): ClockOutcomeEntry[] {
  return deadlines(kase, profile, calendar, now).flatMap((d): ClockOutcomeEntry[] => {
    const finishedAt = d.stoppedAt ?? d.cancelledAt ?? d.endedAt;
    if (finishedAt === undefined) return [];
    const base = {
      caseId: kase.id,
      rule: d.ruleId,
      instance: d.instance,
      finishedOn: calendar.localDate(new Date(finishedAt)),
      ...(d.reason === undefined ? {} : { reason: d.reason }),
    };
    if (d.status === "cancelled") return [{ ...base, outcome: "cancelled" }];
    // Ended by the case closing past its maximum: a breach, counted late (closing never launders it).
    if (d.endedAt !== undefined) return [{ ...base, outcome: "late", unmet: true, withinMaximum: false }];
    return [
      {
        ...base,
        outcome: d.metOnTime === false ? "late" : "on-time",
        ...(d.withinMaximum === undefined ? {} : { withinMaximum: d.withinMaximum }),
      },
    ];
  });
}

/** Each check stage whose evidence is settled: evidenced, or missing once its window closed (9, Bexley §12). */
function checkOutcomes(kase: Case, profile: Profile, calendar: Calendar): CheckOutcomeEntry[] {
  return evaluatedChecks(kase, profile).flatMap((check) =>
    check.stages.flatMap((stage): CheckOutcomeEntry[] =>
      stage.status === "awaiting"
        ? []
        : [
            {
              caseId: kase.id,
              rule: check.ruleId,
              seq: stage.seq,
              stageOn: calendar.localDate(new Date(stage.at)),
              outcome: stage.status,
            },
          ],
    ),
  );
}

function decisions(kase: Case, calendar: Calendar): PanelDecisionEntry[] {
  return kase.events.flatMap((e): PanelDecisionEntry[] => {
    const panel = PANEL_OF_EVENT[e.type];
    if (panel === undefined || !("outcome" in e.data)) return [];
    return [
      {
        caseId: kase.id,
        panel,
        seq: e.seq,
        outcome: e.data.outcome,
        at: e.at,
        decidedOn: calendar.localDate(new Date(e.at)),
        byId: e.by.id,
        byKind: e.by.kind,
        ...(e.by.displayName === undefined ? {} : { byName: e.by.displayName }),
      },
    ];
  });
}

/** What a case contributes to the compliance report and the agendas' "decided today", as it stands at `now`. */
export function reportFacts(kase: Case, profile: Profile, calendar: Calendar, now: Date): CaseReportFacts {
  return {
    clockOutcomes: clockOutcomes(kase, profile, calendar, now),
    checkOutcomes: checkOutcomes(kase, profile, calendar),
    decisions: decisions(kase, calendar),
    ...(kase.state === "closed"
      ? {}
      : {
          open: {
            caseId: kase.id,
            openedAt: kase.openedAt,
            ...(kase.leadWorkerId === undefined ? {} : { leadWorkerId: kase.leadWorkerId }),
          },
        }),
  };
}
