import { STAFF_ROLES, type StaffRole } from "../../domain/staff.js";
import type { StaffMember, Versioned } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";

/** What an admin gives for a member of staff: their record, with roles still to check. */
export type StaffDetails = Omit<StaffMember, "id" | "roles"> & { readonly roles: readonly string[] };

const invalid = (message: string): Refused => refused("STAFF.INVALID", message);

/** An admin adds a member of staff (no ETag) or replaces one exactly as read (ETag), with their roles. */
export async function saveStaffMember(
  deps: Pick<AppDeps, "staff">,
  id: string,
  details: StaffDetails,
  etag?: string,
): Promise<Versioned<StaffMember> | Refused> {
  if (typeof details.displayName !== "string" || details.displayName.trim() === "") {
    return invalid('"displayName" is required.');
  }
  if (typeof details.email !== "string" || !details.email.includes("@")) {
    return invalid('"email" must be an email address.');
  }
  const roles = Array.isArray(details.roles) ? details.roles : [];
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) return invalid(`Unknown roles: ${unknown.join(", ")}. Use ${STAFF_ROLES.join(", ")}.`);
  const member: StaffMember = {
    id,
    displayName: details.displayName.trim(),
    email: details.email.trim().toLowerCase(),
    roles: roles as StaffRole[],
    ...(typeof details.hoursPerWeek === "number" ? { hoursPerWeek: details.hoursPerWeek } : {}),
    ...(typeof details.managerId === "string" ? { managerId: details.managerId } : {}),
    ...(typeof details.caseloadLimit === "number" ? { caseloadLimit: details.caseloadLimit } : {}),
  };
  return refusalsAsValues(() => deps.staff.put(id, member, etag));
}
