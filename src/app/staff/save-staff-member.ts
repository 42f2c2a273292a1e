import { STAFF_ROLES, type StaffRole } from "../../domain/staff.js";
import type { StaffMember, Versioned } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";
import { audit } from "../audit.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";

/** What an admin gives for a member of staff: their record, with roles still to check. */
export type StaffDetails = Omit<StaffMember, "id" | "roles"> & { readonly roles: readonly string[] };

type StaffDeps = Pick<AppDeps, "staff" | "audit" | "clock">;

const invalid = (message: string): Refused => refused("STAFF.INVALID", message);

/** Nobody changes their own roles or standing: another admin does, and the audit shows who. */
const ownRecord = (): Refused =>
  refused("STAFF.OWN_RECORD", "You cannot change your own roles or deactivate yourself. Ask another admin.");

const deactivated = (id: string): Refused =>
  refused("STAFF.DEACTIVATED", `Staff member ${id} is deactivated; add them under a new record if they return.`);

/**
 * An admin adds a member of staff (no ETag) or replaces one exactly as read (ETag), with their roles; audited
 * with the roles given.
 */
export async function saveStaffMember(
  deps: StaffDeps,
  caller: StaffCaller,
  id: string,
  details: StaffDetails,
  etag?: string,
): Promise<Versioned<StaffMember> | Refused> {
  if (id === caller.staffId) return ownRecord();
  if (typeof details.displayName !== "string" || details.displayName.trim() === "") {
    return invalid('"displayName" is required.');
  }
  if (typeof details.email !== "string" || !details.email.includes("@")) {
    return invalid('"email" must be an email address.');
  }
  const roles = Array.isArray(details.roles) ? details.roles : [];
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) return invalid(`Unknown roles: ${unknown.join(", ")}. Use ${STAFF_ROLES.join(", ")}.`);
  if ((await deps.staff.get(id))?.value.deactivatedAt !== undefined) return deactivated(id);
  const member: StaffMember = {
    id,
    displayName: details.displayName.trim(),
    email: details.email.trim().toLowerCase(),
    roles: roles as StaffRole[],
    ...(typeof details.hoursPerWeek === "number" ? { hoursPerWeek: details.hoursPerWeek } : {}),
    ...(typeof details.managerId === "string" ? { managerId: details.managerId } : {}),
    ...(typeof details.caseloadLimit === "number" ? { caseloadLimit: details.caseloadLimit } : {}),
  };
  const saved = await refusalsAsValues(() => deps.staff.put(id, member, etag));
  if (!("status" in saved)) await audit(deps, caller, "staff.saved", id, "api", { roles: member.roles });
  return saved;
}

/**
 * An admin deactivates a member of staff as read (ETag): their row stays, with their history, but they no longer
 * act anywhere (every door identifies them as nobody). Audited.
 */
export async function deactivateStaffMember(
  deps: StaffDeps,
  caller: StaffCaller,
  id: string,
  etag: string,
): Promise<Versioned<StaffMember> | Refused> {
  if (id === caller.staffId) return ownRecord();
  const saved = await refusalsAsValues(async () => {
    const current = await deps.staff.get(id);
    if (current === undefined) return refused("STORE.NOT_FOUND", `Staff member ${id} was not found.`);
    if (current.value.deactivatedAt !== undefined) return current;
    return deps.staff.put(id, { ...current.value, deactivatedAt: deps.clock.now().toISOString() }, etag);
  });
  if (!("status" in saved)) await audit(deps, caller, "staff.deactivated", id, "api");
  return saved;
}
