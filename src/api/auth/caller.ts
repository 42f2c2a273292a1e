import type { Request } from "express";
import { identifyStaff, type StaffCaller } from "../../app/people.js";
import type { StaffRole } from "../../domain/staff.js";
import type { ApiDeps } from "../api-deps.js";
import { missingToken, notOnStaffList, roleRefused } from "../errors.js";
import { verifyToken } from "./verify-token.js";

/** The person making a request: a member of staff, with the roles the Staff table gives them. */
export type Caller = StaffCaller;

function bearerOf(req: Request): string {
  const header = req.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw missingToken();
  return match[1];
}

/** Verifies the bearer token and finds the caller on the staff list (user = token `oid`). */
export async function callerOf(deps: ApiDeps, req: Request): Promise<Caller> {
  const user = await verifyToken(bearerOf(req), deps.tokens, deps.app.clock.now());
  const caller = await identifyStaff(deps.app, user.oid);
  if (caller === undefined) throw notOnStaffList();
  return caller;
}

/** Refuses (403) unless the caller holds one of `roles`. */
export function requireRole(caller: Caller, roles: readonly StaffRole[]): void {
  if (!caller.roles.some((r) => roles.includes(r))) throw roleRefused(roles);
}
