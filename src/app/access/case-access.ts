import type { Case } from "../../domain/case.js";
import { isOnPanelAgenda } from "../queries/panels.js";
import type { StaffCaller } from "../people.js";

/**
 * Need to know: who may read a whole case (names, contacts, history). Its lead worker; duty workers and managers,
 * who answer for every case; panel members while it is on a panel's agenda; whoever an admin has made an
 * all-cases reader; and the data protection officer, who answers subject access, rectification and erasure for
 * every case (every read audited). Nobody else, admins included. The tab's API and the bot's `case FC-…` both ask this.
 */
export function mayReadCase(caller: StaffCaller, kase: Pick<Case, "leadWorkerId" | "state">): boolean {
  const has = (role: StaffCaller["roles"][number]) => caller.roles.includes(role);
  if (has("all-cases-reader") || has("duty-worker") || has("manager") || has("data-protection")) return true;
  if (kase.leadWorkerId !== undefined && kase.leadWorkerId === caller.staffId && has("practitioner")) return true;
  return has("panel-member") && isOnPanelAgenda(kase.state);
}
