import { STAFF_ROLES } from "../../domain/staff.js";
import type { StaffMember } from "../../ports/records.js";
import type { ApiDeps } from "../api-deps.js";
import type { StaffInput, StaffRoleName, StaffView } from "../contract.js";
import { badRequest } from "../errors.js";

export const staffView = (member: StaffMember, etag: string): StaffView => ({
  id: member.id,
  displayName: member.displayName,
  email: member.email,
  roles: member.roles.filter((r): r is StaffRoleName => (STAFF_ROLES as readonly string[]).includes(r)),
  ...(member.hoursPerWeek === undefined ? {} : { hoursPerWeek: member.hoursPerWeek }),
  ...(member.managerId === undefined ? {} : { managerId: member.managerId }),
  ...(member.caseloadLimit === undefined ? {} : { caseloadLimit: member.caseloadLimit }),
  etag,
});

export async function staffViews(deps: ApiDeps): Promise<StaffView[]> {
  return (await deps.staff.list())
    .map((row) => staffView(row.value, row.etag))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Adds a member of staff (no ETag) or replaces one exactly as read (ETag), with their roles. */
export async function putStaff(deps: ApiDeps, id: string, input: StaffInput, etag?: string): Promise<StaffView> {
  if (typeof input.displayName !== "string" || input.displayName.trim() === "")
    throw badRequest('"displayName" is required.');
  if (typeof input.email !== "string" || !input.email.includes("@"))
    throw badRequest('"email" must be an email address.');
  const roles = Array.isArray(input.roles) ? input.roles : [];
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw badRequest(`Unknown roles: ${unknown.join(", ")}. Use ${STAFF_ROLES.join(", ")}.`);
  const member: StaffMember = {
    id,
    displayName: input.displayName.trim(),
    email: input.email.trim().toLowerCase(),
    roles,
    ...(typeof input.hoursPerWeek === "number" ? { hoursPerWeek: input.hoursPerWeek } : {}),
    ...(typeof input.managerId === "string" ? { managerId: input.managerId } : {}),
    ...(typeof input.caseloadLimit === "number" ? { caseloadLimit: input.caseloadLimit } : {}),
  };
  const written = await deps.staff.put(id, member, etag);
  return staffView(written.value, written.etag);
}
