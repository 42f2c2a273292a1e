import type { AuditAction, AuditEvent } from "../ports/audit.js";
import type { AppDeps } from "./app-deps.js";
import type { StaffCaller } from "./people.js";

/** Where a person acted from. */
export type Door = AuditEvent["via"];

/** Records that `caller` did `action` to `subject` now; ids and codes only in `detail`. */
export function audit(
  deps: Pick<AppDeps, "audit" | "clock">,
  caller: Pick<StaffCaller, "staffId">,
  action: AuditAction,
  subject: string,
  via: Door,
  detail?: AuditEvent["detail"],
): Promise<void> {
  return deps.audit.append({
    action,
    at: deps.clock.now().toISOString(),
    actorId: caller.staffId,
    subject,
    via,
    ...(detail === undefined ? {} : { detail }),
  });
}
