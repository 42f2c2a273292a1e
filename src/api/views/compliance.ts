import type { Calendar, LocalDate } from "../../domain/calendar/calendar.js";
import type { ClockRule, Profile, Rule } from "../../domain/policy/profile-schema.js";
import type { Timescale } from "../../domain/policy/timescale.js";
import { everyItem } from "../../app/every-item.js";
import { type OpenCaseEntry } from "../../ports/indexes.js";
import type { ApiDeps } from "../api-deps.js";
import type { ComplianceReport, LongOpenBucket, RuleCompliance } from "../contract.js";
import { badRequest } from "../errors.js";
import { ruleView } from "./rules.js";

const LONG_OPEN_PAGE = 20;
/** Before any case this service could hold. */
const EARLIEST = "2000-01-01T00:00:00.000Z";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The period asked for, or this calendar month up to today (London days). */
export function periodOf(calendar: Calendar, now: Date, from?: string, to?: string): Period {
  const today = calendar.localDate(now);
  const period = { from: from ?? `${today.slice(0, 8)}01`, to: to ?? today };
  if (!DATE.test(period.from) || !DATE.test(period.to) || period.from > period.to) {
    throw badRequest("Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD, with from on or before to.");
  }
  return period;
}

const caseClocks = (profile: Profile): ClockRule[] =>
  profile.rules.filter((r): r is ClockRule => r.kind === "clock" && r.subject === "case");

/** Open clocks already past the due instant the on-time KPI uses (the expectation, else the maximum). */
async function lateStillOpen(deps: ApiDeps, period: Period, now: Date): Promise<Map<string, number>> {
  const { calendar, profile } = deps.app;
  const end = Math.min(calendar.endOfDay(period.to).getTime(), now.getTime());
  const start = calendar.startOfDay(period.from);
  const late = new Map<string, Set<string>>();
  if (end <= start.getTime()) return new Map();
  for (const entry of await deps.app.deadlines.dueBetween(start, new Date(end))) {
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
const openBefore = (deps: ApiDeps, before: string): Promise<OpenCaseEntry[]> =>
  everyItem((continuation) => deps.compliance.openBetween(EARLIEST, before, continuation ? { continuation } : {}));

/**
 * 11.4: open cases in bands (3 to 6 months, 6 to 9 …, 12 and over), oldest first, first page of each. One read of
 * the cases open longer than the shortest band, shared out among the bands.
 */
async function longOpen(deps: ApiDeps, now: Date): Promise<LongOpenBucket[]> {
  const { calendar, profile } = deps.app;
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

/** Per rule, on time vs late in the period, the reasons recorded for exceeding, and long-open cases. */
export async function complianceReport(deps: ApiDeps, period: Period): Promise<ComplianceReport> {
  const now = deps.app.clock.now();
  const { profile } = deps.app;
  const [finished, stillOpen, bands] = await Promise.all([
    deps.compliance.clockOutcomes(period.from, period.to),
    lateStillOpen(deps, period, now),
    longOpen(deps, now),
  ]);
  const rules: RuleCompliance[] = caseClocks(profile).map((rule) => {
    const mine = finished.filter((f) => f.rule === rule.id);
    const late = mine.filter((f) => f.outcome === "late");
    return {
      ruleId: rule.id,
      ruleName: rule.name,
      citation: ruleView(rule, profile).citation,
      onTime: mine.filter((f) => f.outcome === "on-time").length,
      late: late.length,
      lateStillOpen: stillOpen.get(rule.id) ?? 0,
      lateWithinMaximum: late.filter((f) => f.withinMaximum === true).length,
      cancelled: mine.filter((f) => f.outcome === "cancelled").length,
    };
  });
  return {
    ...period,
    generatedAt: now.toISOString(),
    rules,
    reasons: finished
      .filter((f) => f.reason !== undefined)
      .map((f) => ({ caseId: f.caseId, ruleId: f.rule, instance: f.instance, reason: f.reason ?? "" })),
    longOpen: bands,
  };
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  // A leading = + - @ would run as a formula in Excel: quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One line per rule, for a spreadsheet. */
export function complianceCsv(report: ComplianceReport): string {
  const header = [
    "rule",
    "name",
    "citation",
    "from",
    "to",
    "on_time",
    "late",
    "late_within_maximum",
    "late_still_open",
    "cancelled",
  ];
  const lines = report.rules.map((r) =>
    [
      r.ruleId,
      r.ruleName,
      r.citation.display,
      report.from,
      report.to,
      r.onTime,
      r.late,
      r.lateWithinMaximum,
      r.lateStillOpen,
      r.cancelled,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
