import type { Request } from "express";
import { identifyStaff, type StaffCaller } from "../../app/people.js";
import { countyRolesOf } from "../../app/staff/county-staff.js";
import type { CountyRole, StaffRole } from "../../domain/staff.js";
import type { ApiDeps } from "../api-deps.js";
import { missingToken, notOnStaffList, roleRefused } from "../errors.js";
import { verifyToken } from "./verify-token.js";

/**
 * The person making a request: a member of staff, with the roles this centre's Staff table gives them; or someone
 * on none of its rows whom the county's staff list names (no centre roles, so no case opens to them).
 */
export type Caller = StaffCaller & { readonly countyRoles?: readonly CountyRole[] };

export function bearerOf(req: Request): string {
  const header = req.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw missingToken();
  return match[1];
}

/** Verifies the bearer token and finds the caller on the staff list (user = token `oid`), else the county's. */
export async function callerOf(deps: ApiDeps, req: Request): Promise<Caller> {
  const user = await verifyToken(bearerOf(req), deps.tokens, deps.app.clock.now());
  const caller = await identifyStaff(deps.app, user.oid);
  if (caller !== undefined) return caller;
  const countyRoles = deps.countyStaff ? await countyRolesOf(deps.countyStaff, user.oid) : [];
  if (countyRoles.length === 0) throw notOnStaffList();
  const actor = { kind: "staff" as const, id: user.oid, ...(user.name ? { displayName: user.name } : {}) };
  return { staffId: user.oid, actor, roles: [], countyRoles };
}

/** Refuses (403) unless the caller holds one of `roles`, here or in the county. */
export function requireRole(caller: Caller, roles: readonly (StaffRole | CountyRole)[]): void {
  const held: readonly string[] = [...caller.roles, ...(caller.countyRoles ?? [])];
  if (!roles.some((r) => held.includes(r))) throw roleRefused(roles);
}
