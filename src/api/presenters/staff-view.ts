import type { TeamMember } from "../../app/queries/caseloads.js";
import type { Rule } from "../../domain/rules/profile-schema.js";
import type { Profile } from "../../domain/rules/profile-schema.js";
import { STAFF_ROLES } from "../../domain/staff.js";
import type { StaffMember } from "../../ports/records.js";
import type { CaseloadView, StaffRoleName, StaffView, TeamResponse } from "../contract.js";
import { clockView } from "./case-views.js";
import { ruleView } from "./rule-view.js";

export const staffView = (member: StaffMember, etag: string): StaffView => ({
  id: member.id,
  displayName: member.displayName,
  email: member.email,
  roles: member.roles.filter((r): r is StaffRoleName => (STAFF_ROLES as readonly string[]).includes(r)),
  ...(member.hoursPerWeek === undefined ? {} : { hoursPerWeek: member.hoursPerWeek }),
  ...(member.managerId === undefined ? {} : { managerId: member.managerId }),
  ...(member.caseloadLimit === undefined ? {} : { caseloadLimit: member.caseloadLimit }),
  ...(member.deactivatedAt === undefined ? {} : { deactivatedAt: member.deactivatedAt }),
  etag,
});

const caseloadView = (c: TeamMember): CaseloadView => ({
  staffId: c.member.id,
  displayName: c.member.displayName,
  hours: c.hours,
  openCases: c.openCases,
  limit: c.limit,
  limitSource: c.limitSource,
  over: c.over,
  redClocks: c.redClocks,
  ...(c.supervision ? { supervision: clockView(c.supervision) } : {}),
});

/** Every practitioner's caseload against their limit, with the rule (11.3) that sets it. */
export function teamView(caseloads: readonly TeamMember[], profile: Profile): TeamResponse {
  const rule: Rule | undefined = profile.rules.find((r) => r.kind === "limit");
  const views = caseloads.map(caseloadView);
  return {
    rule: rule && ruleView(rule, profile),
    caseloads: views,
    overLimit: views.filter((c) => c.over).map((c) => c.staffId),
  };
}
