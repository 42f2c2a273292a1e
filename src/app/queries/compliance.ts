import type { Calendar, LocalDate } from "../../domain/calendar/calendar.js";
import { cite } from "../../domain/rules/cite.js";
import type { ClockRule, Profile, Rule } from "../../domain/rules/profile-schema.js";
import type { Timescale } from "../../domain/rules/timescale.js";
import type { OpenCaseEntry } from "../../ports/indexes.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import type { StaffCaller } from "../people.js";
import { everyItem } from "../every-item.js";

type ComplianceDeps = Pick<AppDeps, "compliance" | "deadlines" | "profile" | "calendar" | "clock">;

const LONG_OPEN_PAGE = 20;
/** Before any case this service could hold. */
const EARLIEST = "2000-01-01T00:00:00.000Z";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The period asked for, or this calendar month up to today (London days); undefined when it is not a period. */
export function periodOf(calendar: Calendar, now: Date, from?: string, to?: string): Period | undefined {
  const today = calendar.localDate(now);
  const period = { from: from ?? `${today.slice(0, 8)}01`, to: to ?? today };
  return DATE.test(period.from) && DATE.test(period.to) && period.from <= period.to ? period : undefined;
}

const caseClocks = (profile: Profile): ClockRule[] =>
  profile.rules.filter((r): r is ClockRule => r.kind === "clock" && r.subject === "case");

/** Open clocks already past the due instant the on-time KPI uses (the expectation, else the maximum). */
async function lateStillOpen(deps: ComplianceDeps, period: Period, now: Date): Promise<Map<string, number>> {
  const { calendar, profile } = deps;
  const end = Math.min(calendar.endOfDay(period.to).getTime(), now.getTime());
  const start = calendar.startOfDay(period.from);
  const late = new Map<string, Set<string>>();
  if (end <= start.getTime()) return new Map();
  for (const entry of await deps.deadlines.dueBetween(start, new Date(end))) {
    const rule = caseClocks(profile).find((r) => r.id === entry.rule);
    const kpi = rule?.expected ? "expected" : "maximum";
    if (rule === undefined || entry.threshold !== kpi) continue;
    const seen = late.get(entry.rule) ?? new Set<string>();
    late.set(entry.rule, seen.add(`${entry.caseId}~${entry.instance}`));
  }
  return new Map([...late].map(([rule, set]) => [rule, set.size]));
}

function cutoff(calendar: Calendar, today: LocalDate, after: Timescale): string | undefined {
  const back =
    after.unit === "calendar-months"
      ? calendar.addCalendarMonths(today, -after.amount)
      : after.unit === "calendar-days"
        ? calendar.addCalendarDays(today, -after.amount)
        : undefined;
  return back && calendar.startOfDay(back).toISOString();
}

/** Every case opened before `before`, oldest first (the long-open cases: a small share of a centre's work). */
const openBefore = (deps: ComplianceDeps, before: string): Promise<OpenCaseEntry[]> =>
  everyItem((continuation) => deps.compliance.openBetween(EARLIEST, before, continuation ? { continuation } : {}));

/**
 * 11.4: open cases in bands (3 to 6 months, 6 to 9 …, 12 and over), oldest first, first page of each. One read of
 * the cases open longer than the shortest band, shared out among the bands.
 */
async function longOpen(deps: ComplianceDeps, now: Date) {
  const { calendar, profile } = deps;
  const today = calendar.localDate(now);
  const rules = profile.rules.filter((r): r is Extract<Rule, { kind: "milestones" }> => r.kind === "milestones");
  const bands = rules.flatMap((rule) =>
    [...rule.at]
      .sort((a, b) => a.amount - b.amount)
      .flatMap((at, i, all) => {
        const before = cutoff(calendar, today, at);
        const next = all[i + 1];
        const from = (next && cutoff(calendar, today, next)) ?? EARLIEST;
        return before === undefined ? [] : [{ rule, at, from, before }];
      }),
  );
  const latest = bands
    .map((b) => b.before)
    .sort()
    .at(-1);
  if (latest === undefined) return [];
  const open = await openBefore(deps, latest);
  return bands.map(({ rule, at, from, before }) => {
    const inBand = open.filter((e) => e.openedAt >= from && e.openedAt < before);
    return {
      months: at.amount,
      ruleId: rule.id,
      cases: inBand.slice(0, LONG_OPEN_PAGE),
      more: inBand.length > LONG_OPEN_PAGE,
    };
  });
}

/** The target when a profile sets none: the framework's timescale is for every case. */
export const DEFAULT_ON_TIME_TARGET = 100;

/** YYYY-MM of each calendar month the period touches, oldest first. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split("-").map(Number) as [number, number];
  for (let key = period.from.slice(0, 7); key <= period.to.slice(0, 7);) {
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    key = `${year}-${String(month).padStart(2, "0")}`;
  }
  return months;
}

/** Per rule, on time vs late in the period, the reasons recorded for exceeding, and long-open cases. */
export async function complianceReport(deps: ComplianceDeps, period: Period) {
  const now = deps.clock.now();
  const { profile } = deps;
  const [finished, stages, stillOpen, bands] = await Promise.all([
    deps.compliance.clockOutcomes(period.from, period.to),
    deps.compliance.checkOutcomes(period.from, period.to),
    lateStillOpen(deps, period, now),
    longOpen(deps, now),
  ]);
  const rules = caseClocks(profile).map((rule) => {
    const mine = finished.filter((f) => f.rule === rule.id);
    const late = mine.filter((f) => f.outcome === "late");
    return {
      ruleId: rule.id,
      ruleName: rule.name,
      citation: cite(rule, profile),
      onTime: mine.filter((f) => f.outcome === "on-time").length,
      late: late.length,
      lateStillOpen: stillOpen.get(rule.id) ?? 0,
      lateWithinMaximum: late.filter((f) => f.withinMaximum === true).length,
      lateUnmet: late.filter((f) => f.unmet === true).length,
      cancelled: mine.filter((f) => f.outcome === "cancelled").length,
      target: rule.onTimeTarget ?? DEFAULT_ON_TIME_TARGET,
      months: monthsOf(period).map((month) => {
        const inMonth = mine.filter((f) => f.finishedOn.startsWith(month));
        return {
          month,
          onTime: inMonth.filter((f) => f.outcome === "on-time").length,
          late: inMonth.filter((f) => f.outcome === "late").length,
        };
      }),
    };
  });
  // 9 and Bexley §12: at how many of their stages in the period the record evidenced them.
  const checks = profile.rules.flatMap((rule) => {
    if (rule.kind !== "check" || rule.evidence === undefined) return [];
    const mine = stages.filter((s) => s.rule === rule.id);
    return [
      {
        ruleId: rule.id,
        ruleName: rule.name,
        citation: cite(rule, profile),
        evidenced: mine.filter((s) => s.outcome === "evidenced").length,
        missing: mine.filter((s) => s.outcome === "missing").length,
      },
    ];
  });
  return {
    ...period,
    generatedAt: now.toISOString(),
    rules,
    checks,
    reasons: finished
      .filter((f) => f.reason !== undefined)
      .map((f) => ({ caseId: f.caseId, ruleId: f.rule, instance: f.instance, reason: f.reason ?? "" })),
    longOpen: bands,
  };
}

/** The same report taken away (CSV): an export of case facts, so audited. */
export async function exportComplianceReport(
  deps: ComplianceDeps & Pick<AppDeps, "audit">,
  caller: StaffCaller,
  period: Period,
  via: Door,
) {
  const report = await complianceReport(deps, period);
  await audit(deps, caller, "report.exported", `compliance ${period.from} to ${period.to}`, via);
  return report;
}
