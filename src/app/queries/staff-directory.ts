import type { StaffMember } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";

type StaffDeps = Pick<AppDeps, "staff">;

/** Everyone on the staff list, for pickers and names. */
export async function staffList(deps: StaffDeps): Promise<StaffMember[]> {
  return (await deps.staff.list()).map((row) => row.value);
}

/** Staff ids to display names, for lead workers and deciders. */
export async function staffNames(deps: StaffDeps): Promise<Map<string, string>> {
  return new Map((await staffList(deps)).map((member) => [member.id, member.displayName]));
}

/** A member's display name, or `fallback` when there is no such member (or no id). */
export async function nameOf(deps: StaffDeps, staffId: string | undefined, fallback: string): Promise<string> {
  if (staffId === undefined) return fallback;
  return (await deps.staff.get(staffId))?.value.displayName ?? fallback;
}
