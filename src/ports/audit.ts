/**
 * The audit trail of what people did outside a case's own event log: who read or exported what, and who changed
 * the staff list or the centre's settings. Append-only: an event once written is never changed or removed. Where
 * it is finally kept (immutable storage, retention) is the data-protection work's; the port stays this small.
 */
export type AuditAction =
  | "case.read"
  | "case.read-refused"
  | "report.exported"
  | "staff.saved"
  | "staff.deactivated"
  | "settings.changed"
  | "bank-holidays.imported"
  | "case.redacted"
  | "people.searched"
  | "people.exported"
  | "case.legal-hold-placed"
  | "case.legal-hold-lifted"
  | "retention.run";

export interface AuditEvent {
  readonly action: AuditAction;
  /** ISO instant. */
  readonly at: string;
  /** The member of staff who acted (their staff id: an Entra object id in production). */
  readonly actorId: string;
  /** What was acted on: a case id, a staff id, `settings`, a report's period. Never a name. */
  readonly subject: string;
  /** Through which door: the tab's API, the bot, or a scheduled job (the retention run). */
  readonly via: "api" | "bot" | "job";
  /** Ids and codes only (roles granted, fields changed), never personal data. */
  readonly detail?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
}
