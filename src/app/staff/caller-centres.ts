import type { CountyRole, StaffRole } from "../../domain/staff.js";
import type { RecordStore, StaffMember } from "../../ports/records.js";
import { identifyStaff } from "../people.js";
import { countyRolesIn } from "./county-staff.js";

/** A centre as the question "where does this person work?" needs it: its id, name, profile and own staff list. */
export interface CentreStaffList {
  readonly id: string;
  readonly name: string;
  readonly profileId: string;
  readonly staff: Pick<RecordStore<StaffMember>, "get">;
}

export interface CallerCentre {
  readonly id: string;
  readonly name: string;
  readonly profileId: string;
  /** On this centre's own staff list (active), with the roles it gives them there. */
  readonly onStaff: boolean;
  readonly roles: readonly StaffRole[];
}

export interface CallerCentres {
  readonly staffId: string;
  readonly displayName: string;
  /** The centres they work in; every centre for a county manager (who reads each one's figures). */
  readonly centres: readonly CallerCentre[];
  readonly countyRoles: readonly CountyRole[];
}

/**
 * Where a person works and as what: one point read of each centre's staff list and one of the county's. Undefined
 * when they are on none of them (the door refuses them as it refuses anyone not on a staff list).
 */
export async function callerCentres(
  centres: readonly CentreStaffList[],
  countyStaff: Pick<RecordStore<StaffMember>, "get">,
  staffId: string,
): Promise<CallerCentres | undefined> {
  const [county, ...rows] = await Promise.all([
    countyStaff.get(staffId),
    ...centres.map((centre) => identifyStaff(centre, staffId)),
  ]);
  const countyRoles = countyRolesIn(county?.value);
  const all = centres.map((centre, i): CallerCentre => {
    const caller = rows[i];
    const base = { id: centre.id, name: centre.name, profileId: centre.profileId };
    return caller === undefined
      ? { ...base, onStaff: false, roles: [] }
      : { ...base, onStaff: true, roles: caller.roles };
  });
  const known = rows.find((row) => row !== undefined);
  if (known === undefined && countyRoles.length === 0) return undefined;
  return {
    staffId,
    displayName: known?.actor.displayName ?? county?.value.displayName ?? staffId,
    centres: countyRoles.includes("county-manager") ? all : all.filter((c) => c.onStaff),
    countyRoles,
  };
}
