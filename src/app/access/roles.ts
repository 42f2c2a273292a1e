import { STAFF_ROLES, type CountyRole, type StaffRole } from "../../domain/staff.js";
import type { Decider } from "../decider.js";

/**
 * Which roles may take each read, for the tab's API and the bot alike (changes are the use cases' and the
 * lifecycle's to allow). A staff row without one of these roles does nothing.
 */
export const READ_ROLES = {
  /** Who they are, the profile, the staff list (for worker pickers). */
  anyone: STAFF_ROLES,
  /** Who they are and the centre's profile, for a county manager too (who reads its figures, not its cases). */
  whoAmI: [...STAFF_ROLES, "county-manager"],
  /** Panel agendas: case references and non-identifying summaries. */
  agendas: ["duty-worker", "panel-member", "manager"],
  /** One's own caseload and what is due on it. */
  caseload: ["practitioner", "duty-worker", "manager"],
  /** The duty desk: triage, the pre-allocation list, mail logged by hand. */
  duty: ["duty-worker", "manager"],
  /** Oversight: the team's caseloads and the compliance report (and its export). */
  oversight: ["manager", "admin"],
  /** The team's caseloads and the compliance report, which a county manager reads in every centre too. */
  countyOversight: ["manager", "admin", "county-manager"],
  admin: ["admin"],
  /** Subject access, rectification and erasure: the data protection officer's alone. */
  dataProtection: ["data-protection"],
} as const satisfies Record<string, readonly (StaffRole | CountyRole)[]>;

export type ReadAccess = keyof typeof READ_ROLES;

export const mayTake = (caller: Pick<Decider, "roles">, access: ReadAccess): boolean =>
  caller.roles.some((role) => (READ_ROLES[access] as readonly string[]).includes(role));
