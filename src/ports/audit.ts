/**
 * The audit trail of what people did outside a case's own event log: who read or exported what, and who changed
 * the staff list or the centre's settings. Append-only: an event once written is never changed or removed (the
 * adapter appends to one append blob a day in a container under a time-based immutability policy); the port has
 * no way to do either.
 */
export type AuditAction =
  | "case.read"
  | "case.read-refused"
  | "cases.searched"
  | "report.exported"
  | "staff.saved"
  | "staff.deactivated"
  | "county-staff.saved"
  | "settings.changed"
  | "bank-holidays.imported"
  | "case.redacted"
  | "people.searched"
  | "people.exported"
  | "case.legal-hold-placed"
  | "case.legal-hold-lifted"
  | "retention.run"
  | "audit.read"
  | "front-door.routed"
  | "front-door.read";

export interface AuditEvent {
  readonly action: AuditAction;
  /** ISO instant. */
  readonly at: string;
  /** The member of staff who acted (their staff id: an Entra object id in production). */
  readonly actorId: string;
  /** What was acted on: a case id, a staff id, `settings`, a report's period. Never a name. */
  readonly subject: string;
  /** Through which door: the tab's API, the bot, a scheduled job (the retention run), or the operator CLI. */
  readonly via: "api" | "bot" | "job" | "cli";
  /** Ids and codes only (roles granted, fields changed), never personal data. */
  readonly detail?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/** The case an event is about, where it is about one: a `case.…` action's subject is the case's reference. */
export const caseOf = (event: Pick<AuditEvent, "action" | "subject">): string | undefined =>
  event.action.startsWith("case.") ? event.subject : undefined;

/** Which events to read back: the days `from` to `to` (inclusive, UTC dates), narrowed by case and actor. */
export interface AuditQuery {
  /** YYYY-MM-DD. */
  readonly from: string;
  /** YYYY-MM-DD, not before `from`. */
  readonly to: string;
  readonly caseId?: string;
  readonly actorId?: string;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** The events of those days that match, oldest first. */
  read(query: AuditQuery): Promise<readonly AuditEvent[]>;
}
