import type { Case } from "../../domain/case.js";
import { isOnPanelAgenda } from "../queries/panels.js";
import type { StaffCaller } from "../people.js";

/**
 * Need to know: who may read a whole case (names, contacts, history). Its lead worker; duty workers and managers,
 * who answer for every case; panel members while it is on a panel's agenda; and whoever an admin has made an
 * all-cases reader. Nobody else, admins included. The tab's API and the bot's `case FC-…` both ask this.
 */
export function mayReadCase(caller: StaffCaller, kase: Pick<Case, "leadWorkerId" | "state">): boolean {
  const has = (role: StaffCaller["roles"][number]) => caller.roles.includes(role);
  if (has("all-cases-reader") || has("duty-worker") || has("manager")) return true;
  if (kase.leadWorkerId !== undefined && kase.leadWorkerId === caller.staffId && has("practitioner")) return true;
  return has("panel-member") && isOnPanelAgenda(kase.state);
}
