import { caseOf, type AuditAction } from "../../ports/audit.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import type { Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";
import { isDataProtection } from "./data-protection-role.js";
import { badAuditPeriod, notDataProtection } from "./errors.js";

/** The longest period one look at the audit covers, and the one shown when none is asked for. */
export const AUDIT_MAX_DAYS = 366;
export const AUDIT_DEFAULT_DAYS = 31;

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditTrailQuery {
  readonly caseId?: string;
  readonly actorId?: string;
  /** YYYY-MM-DD (UTC); 30 days before `to` when not given. */
  readonly from?: string;
  /** YYYY-MM-DD (UTC); today when not given. */
  readonly to?: string;
}

export interface AuditTrailItem {
  readonly at: string;
  /** The member of staff's id (an Entra object id in production), or `system:…` for a scheduled job. */
  readonly actor: string;
  readonly action: AuditAction;
  readonly caseId?: string;
}

const validDate = (date: string): boolean =>
  DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

/** The period asked for, defaulted and checked; undefined when it cannot be read. */
export function auditPeriod(query: AuditTrailQuery, now: Date): { from: string; to: string } | undefined {
  const to = query.to ?? now.toISOString().slice(0, 10);
  if (!validDate(to)) return undefined;
  const from =
    query.from ??
    new Date(Date.parse(`${to}T00:00:00Z`) - (AUDIT_DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  if (!validDate(from) || from > to) return undefined;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  return days > AUDIT_MAX_DAYS ? undefined : { from, to };
}

/**
 * The access audit, read back: who did what and when, narrowed by case, actor and period. The data protection
 * role's alone; reading it is itself audited (by the filters, which are ids and dates only).
 */
export async function readAuditTrail(
  deps: Pick<AppDeps, "audit" | "clock">,
  caller: StaffCaller,
  query: AuditTrailQuery,
  via: Door,
): Promise<{ readonly items: readonly AuditTrailItem[] } | Refused> {
  if (!isDataProtection(caller)) return notDataProtection();
  const period = auditPeriod(query, deps.clock.now());
  if (period === undefined) return badAuditPeriod(AUDIT_MAX_DAYS);
  const events = await deps.audit.read({
    ...period,
    ...(query.caseId === undefined ? {} : { caseId: query.caseId }),
    ...(query.actorId === undefined ? {} : { actorId: query.actorId }),
  });
  await audit(deps, caller, "audit.read", "audit", via, {
    ...period,
    ...(query.caseId === undefined ? {} : { caseId: query.caseId }),
    ...(query.actorId === undefined ? {} : { actorId: query.actorId }),
    results: events.length,
  });
  return {
    items: events.map((event) => {
      const caseId = caseOf(event);
      return { at: event.at, actor: event.actorId, action: event.action, ...(caseId === undefined ? {} : { caseId }) };
    }),
  };
}
