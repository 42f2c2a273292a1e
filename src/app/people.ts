import { STAFF_ROLES, type StaffRole } from "../domain/staff.js";
import type { AppDeps } from "./app-deps.js";
import type { Decider } from "./decider.js";

/** A member of staff acting: who, with the roles the Staff table gives them. */
export type StaffCaller = Decider & { readonly staffId: string };

/** A Teams user as the bot sees them (their Entra object id when Teams gives it). */
export interface TeamsPerson {
  readonly id: string;
  readonly aadObjectId?: string;
  readonly name?: string;
}

/** How a door finds who is acting: production reads the Staff table; local mode has its own (src/compose). */
export type IdentifyPerson = (person: TeamsPerson) => Promise<StaffCaller | undefined>;

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/** The Staff row of a staff id (an Entra object id in production): no row, or a deactivated one, does nothing. */
export async function identifyStaff(
  deps: { readonly staff: Pick<AppDeps["staff"], "get"> },
  staffId: string,
): Promise<StaffCaller | undefined> {
  const member = (await deps.staff.get(staffId))?.value;
  if (member === undefined || member.deactivatedAt !== undefined) return undefined;
  return {
    staffId: member.id,
    actor: { kind: "staff", id: member.id, displayName: member.displayName },
    roles: member.roles.filter(isStaffRole),
  };
}

/** Production: a Teams user is the member of staff with their Entra object id; one Teams gives none is nobody. */
export const staffOfTeamsUser =
  (deps: Pick<AppDeps, "staff">): IdentifyPerson =>
  async (person) =>
    person.aadObjectId === undefined ? undefined : identifyStaff(deps, person.aadObjectId);
