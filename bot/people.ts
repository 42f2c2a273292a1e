import type { Decider } from "../src/app/record-decision.js";
import { STAFF_ROLES, type StaffRole } from "../src/domain/staff.js";
import type { StaffMember } from "../src/ports/records.js";
import type { BotDeps } from "./bot-deps.js";
import type { TeamsUser } from "./conversation-keys.js";

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/**
 * Who is acting and with which roles. Production: the Staff row of their Entra object id (no row, no roles).
 * Local mode with `everyoneHasEveryRole`: anyone, with every role, so each step can be tried at once.
 */
export async function whoIs(deps: BotDeps, user: TeamsUser): Promise<Decider | undefined> {
  const id = user.aadObjectId ?? user.id;
  if (deps.everyoneHasEveryRole) {
    return { actor: { kind: "staff", id, displayName: user.name ?? "Local user" }, roles: STAFF_ROLES };
  }
  if (user.aadObjectId === undefined) return undefined;
  const member = (await deps.staff.get(user.aadObjectId))?.value;
  if (member === undefined) return undefined;
  return {
    actor: { kind: "staff", id: member.id, displayName: member.displayName },
    roles: member.roles.filter(isStaffRole),
  };
}

/** Everyone on the staff list, for worker pickers and names on cards. */
export async function staffList(deps: BotDeps): Promise<StaffMember[]> {
  return (await deps.staff.list()).map((row) => row.value);
}

const FULL_TIME_HOURS = 37;

/** The domain's caseload rule (11.3) speaks of full-time and part-time; the Staff table keeps weekly hours. */
export const hoursOf = (member: StaffMember): "full-time" | "part-time" =>
  (member.hoursPerWeek ?? FULL_TIME_HOURS) >= FULL_TIME_HOURS ? "full-time" : "part-time";
