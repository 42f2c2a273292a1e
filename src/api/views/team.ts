import { caseloadCheck } from "../../domain/caseload.js";
import type { StaffMember } from "../../ports.js";
import type { ApiDeps } from "../api-deps.js";
import type { CaseloadView, TeamResponse } from "../contract.js";
import { ruleView } from "./rules.js";

const FULL_TIME_HOURS = 37;
/** How far back the red count looks for clocks still open past their due instant. */
const RED_LOOKBACK_MS = 400 * 24 * 60 * 60 * 1000;

const hoursOf = (member: StaffMember): "full-time" | "part-time" =>
  (member.hoursPerWeek ?? FULL_TIME_HOURS) >= FULL_TIME_HOURS ? "full-time" : "part-time";

/** Every practitioner's open cases against their limit (11.3 from the profile, or their agreed limit). */
export async function team(deps: ApiDeps): Promise<TeamResponse> {
  const now = deps.app.clock.now();
  const practitioners = (await deps.staff.list()).map((r) => r.value).filter((m) => m.roles.includes("practitioner"));
  const [counts, overdue] = await Promise.all([
    deps.app.worklists.workerCaseloads(),
    deps.app.deadlines.dueBetween(new Date(now.getTime() - RED_LOOKBACK_MS), now),
  ]);
  const caseloads: CaseloadView[] = practitioners.map((member) => {
    const hours = hoursOf(member);
    const count = counts.get(member.id) ?? 0;
    const check = caseloadCheck(
      {
        displayName: member.displayName,
        hours,
        ...(member.caseloadLimit ? { caseloadLimit: member.caseloadLimit } : {}),
      },
      count,
      deps.app.profile,
    );
    const red = new Set(
      overdue.filter((d) => d.workerId === member.id).map((d) => `${d.caseId}~${d.rule}~${d.instance}`),
    );
    return {
      staffId: member.id,
      displayName: member.displayName,
      hours,
      openCases: count,
      limit: check.limit,
      limitSource: member.caseloadLimit === undefined ? "profile" : "agreed",
      over: check.over,
      redClocks: red.size,
    };
  });
  const rule = deps.app.profile.rules.find((r) => r.kind === "limit");
  return {
    rule: rule && ruleView(rule, deps.app.profile),
    caseloads,
    overLimit: caseloads.filter((c) => c.over).map((c) => c.staffId),
  };
}
