import { caseloadCheck } from "../../domain/caseload.js";
import type { StaffMember } from "../../ports/records.js";
import type { ApiDeps } from "../api-deps.js";
import type { CaseloadView, TeamResponse } from "../contract.js";
import { ruleView } from "./rules.js";

const FULL_TIME_HOURS = 37;

const hoursOf = (member: StaffMember): "full-time" | "part-time" =>
  (member.hoursPerWeek ?? FULL_TIME_HOURS) >= FULL_TIME_HOURS ? "full-time" : "part-time";

/** Every practitioner's open cases against their limit (11.3 from the profile, or their agreed limit). */
export async function team(deps: ApiDeps): Promise<TeamResponse> {
  const now = deps.app.clock.now();
  const [staff, caseloadsOf] = await Promise.all([deps.staff.list(), deps.app.worklists.workerCaseloads()]);
  const practitioners = staff.map((r) => r.value).filter((m) => m.roles.includes("practitioner"));
  const nowIso = now.toISOString();
  const caseloads: CaseloadView[] = practitioners.map((member) => {
    const hours = hoursOf(member);
    const caseload = caseloadsOf.get(member.id);
    const count = caseload?.cases ?? 0;
    const check = caseloadCheck(
      {
        displayName: member.displayName,
        hours,
        ...(member.caseloadLimit ? { caseloadLimit: member.caseloadLimit } : {}),
      },
      count,
      deps.app.profile,
    );
    // A running clock is red once its first due instant has passed (ISO instants compare as time).
    const red = (caseload?.clockDues ?? []).filter((at) => at < nowIso).length;
    return {
      staffId: member.id,
      displayName: member.displayName,
      hours,
      openCases: count,
      limit: check.limit,
      limitSource: member.caseloadLimit === undefined ? "profile" : "agreed",
      over: check.over,
      redClocks: red,
    };
  });
  const rule = deps.app.profile.rules.find((r) => r.kind === "limit");
  return {
    rule: rule && ruleView(rule, deps.app.profile),
    caseloads,
    overLimit: caseloads.filter((c) => c.over).map((c) => c.staffId),
  };
}
