import { teamFigures, type TeamMember } from "./caseloads.js";
import { complianceReport, type Period } from "./compliance.js";

type ComplianceDeps = Parameters<typeof complianceReport>[0];
type TeamDeps = Parameters<typeof teamFigures>[0];

/** A centre whose figures the county reads: its id and name, and what its own report needs. */
export interface CentreFigures<D> {
  readonly id: string;
  readonly name: string;
  readonly deps: D;
}

export type CentreReport = Awaited<ReturnType<typeof complianceReport>>;

/** Each rule's clocks summed over the centres whose profile has it (profiles may differ between centres). */
export interface RuleTotal {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly centres: number;
  readonly onTime: number;
  readonly late: number;
  readonly lateStillOpen: number;
}

/**
 * Every centre's compliance report for the period, side by side (each computed by its own `complianceReport`, on
 * its own profile and calendar), and the county's total: per rule, and over every rule.
 */
export async function countyCompliance(centres: readonly CentreFigures<ComplianceDeps>[], period: Period) {
  const reports = await Promise.all(
    centres.map(async ({ id, name, deps }) => {
      const report = await complianceReport(deps, period);
      return { id, name, profileId: deps.profile.id, report, total: clocksIn(report.rules) };
    }),
  );
  const byRule = new Map<string, RuleTotal>();
  for (const rule of reports.flatMap((r) => r.report.rules)) {
    const sum = byRule.get(rule.ruleId) ?? { ...rule, centres: 0, onTime: 0, late: 0, lateStillOpen: 0 };
    byRule.set(rule.ruleId, {
      ruleId: sum.ruleId,
      ruleName: sum.ruleName,
      centres: sum.centres + 1,
      onTime: sum.onTime + rule.onTime,
      late: sum.late + rule.late,
      lateStillOpen: sum.lateStillOpen + rule.lateStillOpen,
    });
  }
  const rules = [...byRule.values()];
  return { ...period, centres: reports, total: { rules, ...clocksIn(rules) } };
}

type Clocks = Pick<RuleTotal, "onTime" | "late" | "lateStillOpen">;

/** Clocks over every rule: on time, late, and still open past due. */
const clocksIn = (rules: readonly Clocks[]): Clocks => ({
  onTime: rules.reduce((n, r) => n + r.onTime, 0),
  late: rules.reduce((n, r) => n + r.late, 0),
  lateStillOpen: rules.reduce((n, r) => n + r.lateStillOpen, 0),
});

/** Practitioners, their open cases, how many are over their limit, and their red clocks. */
const caseloadsIn = (team: readonly TeamMember[]) => ({
  practitioners: team.length,
  openCases: team.reduce((n, m) => n + m.openCases, 0),
  overLimit: team.filter((m) => m.over).length,
  redClocks: team.reduce((n, m) => n + m.redClocks, 0),
});

/** Every centre's practitioners' caseloads (each by its own `teamFigures`), side by side, and the county's totals. */
export async function countyTeam(centres: readonly CentreFigures<TeamDeps>[]) {
  const teams = await Promise.all(
    centres.map(async ({ id, name, deps }) => {
      const team = await teamFigures(deps);
      return { id, name, deps, team, total: caseloadsIn(team) };
    }),
  );
  return { centres: teams, total: caseloadsIn(teams.flatMap((t) => t.team)) };
}
