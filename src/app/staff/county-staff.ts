import { COUNTY_ROLES, type CountyRole } from "../../domain/staff.js";
import type { AuditLog } from "../../ports/audit.js";
import type { Clock } from "../../ports/clock.js";
import type { RecordStore, StaffMember, Versioned } from "../../ports/records.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";

/** The county's staff list: people whose roles span every centre (a county manager), apart from any centre's. */
export type CountyStaff = Pick<RecordStore<StaffMember>, "get" | "put">;

export interface CountyStaffDeps {
  readonly countyStaff: CountyStaff;
  /** The county's own access audit (beside each centre's). */
  readonly audit: AuditLog;
  readonly clock: Clock;
}

const isCountyRole = (role: string): role is CountyRole => (COUNTY_ROLES as readonly string[]).includes(role);

/** The county roles a county staff row gives: none without an active row. */
export const countyRolesIn = (member: StaffMember | undefined): CountyRole[] =>
  member === undefined || member.deactivatedAt !== undefined ? [] : member.roles.filter(isCountyRole);

/** The county roles a person holds (one point read of the county's staff list). */
export const countyRolesOf = async (countyStaff: Pick<CountyStaff, "get">, staffId: string): Promise<CountyRole[]> =>
  countyRolesIn((await countyStaff.get(staffId))?.value);

export interface CountyStaffDetails {
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/**
 * The operator adds a person to the county's staff list, or replaces their row (their county roles); audited with
 * the roles given. Each centre's own staff list stays that centre's admin's.
 */
export async function saveCountyStaffMember(
  deps: CountyStaffDeps,
  operator: { readonly staffId: string },
  id: string,
  details: CountyStaffDetails,
): Promise<Versioned<StaffMember> | Refused> {
  const invalid = (message: string) => refused("STAFF.INVALID", message);
  if (id.trim() === "") return invalid("Give the person's id (their Entra object id).");
  if (details.displayName.trim() === "") return invalid("Give the person's name.");
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(details.email))
    return invalid(`"${details.email}" is not an email address.`);
  const unknown = details.roles.filter((r) => !isCountyRole(r));
  if (details.roles.length === 0 || unknown.length > 0) {
    return invalid(`County roles are ${COUNTY_ROLES.join(", ")}; give at least one (not ${unknown.join(", ")}).`);
  }
  const member: StaffMember = {
    id,
    displayName: details.displayName.trim(),
    email: details.email.trim().toLowerCase(),
    roles: [...new Set(details.roles)],
  };
  const saved = await refusalsAsValues(async () => {
    const current = await deps.countyStaff.get(id);
    return deps.countyStaff.put(id, member, current?.etag);
  });
  if ("status" in saved) return saved;
  await deps.audit.append({
    action: "county-staff.saved",
    at: deps.clock.now().toISOString(),
    actorId: operator.staffId,
    subject: id,
    via: "cli",
    detail: { roles: member.roles },
  });
  return saved;
}
