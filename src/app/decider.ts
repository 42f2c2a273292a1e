import type { Actor } from "../domain/actor.js";
import type { StaffRole } from "../domain/staff.js";

/** Who is acting, and with which roles: a member of staff from the Staff table, or the service itself. */
export interface Decider {
  readonly actor: Actor;
  readonly roles: readonly StaffRole[];
}
