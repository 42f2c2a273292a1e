/**
 * What a member of staff may do in the service; a person can hold several. `all-cases-reader` reads every case
 * (a data protection officer, an auditor): an admin grants it explicitly, since no other role reads every case.
 */
export const STAFF_ROLES = [
  "duty-worker",
  "panel-member",
  "practitioner",
  "manager",
  "admin",
  "all-cases-reader",
  /** The data protection officer's: subject access, rectification and erasure, the access audit. */
  "data-protection",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Roles held on the county's own staff list, across every centre. A `county-manager` reads every centre's
 * compliance and team views (and the county's, side by side), never a case.
 */
export const COUNTY_ROLES = ["county-manager"] as const;
export type CountyRole = (typeof COUNTY_ROLES)[number];

/** A member of the Family Centre's staff, as the `Staff` table holds them. */
export interface Staff {
  /** Entra object id in production. */
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
  /** Rule 11.3 sets a different caseload limit for full-time and part-time practitioners. */
  readonly hours: "full-time" | "part-time";
  readonly managerId?: string;
  /** A manager's agreed limit for this person, in place of the profile's (e.g. a newly qualified worker). */
  readonly caseloadLimit?: number;
}
