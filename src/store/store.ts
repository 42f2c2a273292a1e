import type { LeaseStates } from "../ports/health.js";
import type { LeaseBook } from "../ports/leases.js";
import type { StoredState } from "../ports/stored-state.js";
import type { EntityTable } from "./entity-table.js";
import type { AppendBlobs } from "./append-blobs.js";
import { BlobAuditLog } from "./blob-audit-log.js";
import { TableCaseRepository } from "./table-case-repository.js";
import { TableCompliance } from "./table-compliance.js";
import { TableDeadlines } from "./table-deadlines.js";
import { TableLeases } from "./table-leases.js";
import { TableMessageLedger } from "./table-message-ledger.js";
import { metered, TableMetrics } from "./table-metrics.js";
import { TableOutbox } from "./table-outbox.js";
import { TableProjections } from "./table-projections.js";
import { TableRecords } from "./table-records.js";
import { TableWorklists } from "./table-worklists.js";

export const TABLE_NAMES = [
  "Cases",
  "Messages",
  "Worklists",
  "Deadlines",
  "Outbox",
  "Leases",
  "Sync",
  "Conversations",
  "Staff",
  "Settings",
  "Compliance",
  "Projections",
  "OutboxIndex",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Where a centre's access audit is appended (`<centre>/`), and older folders read with it. */
export interface AuditFolders {
  readonly folder?: string;
  readonly alsoRead?: readonly string[];
}

/** Every repository over one set of tables, plus the operation counts the benchmarks report. */
export interface Store extends StoredState {
  /** The same leases as readiness sees them: held, available or stuck, without names or holders. */
  readonly leaseStates: LeaseStates;
  /** The same leases by name and holder: a mailbox pipeline taken over clears what a stopped holder left. */
  readonly leaseBook: LeaseBook;
  readonly metrics: TableMetrics;
}

/**
 * The same repositories whatever holds the rows (Azure, Azurite or memory); the access audit goes to append-only
 * blobs, never to a table the service could rewrite.
 */
export function storeOver(
  tableFor: (name: TableName) => EntityTable,
  auditBlobs: AppendBlobs,
  auditFolders: AuditFolders = {},
): Store {
  const metrics = new TableMetrics();
  const table = (name: TableName): EntityTable => metered(tableFor(name), name, metrics);
  const cases = new TableCaseRepository(table("Cases"));
  const worklists = new TableWorklists(table("Worklists"));
  const leases = new TableLeases(table("Leases"));
  return {
    cases,
    messages: new TableMessageLedger(table("Messages")),
    worklists,
    deadlines: new TableDeadlines(table("Deadlines")),
    compliance: new TableCompliance(table("Compliance")),
    projections: new TableProjections(table("Projections")),
    outbox: new TableOutbox(table("Outbox"), table("OutboxIndex")),
    leases,
    leaseStates: leases,
    leaseBook: leases,
    sync: new TableRecords(table("Sync")),
    quotas: new TableRecords(table("Sync")),
    letterPace: new TableRecords(table("Sync"), "letter-pace"),
    threads: new TableRecords(table("Sync")),
    conversations: new TableRecords(table("Conversations")),
    staff: new TableRecords(table("Staff")),
    supervisions: new TableRecords(table("Staff"), "supervision"),
    settings: new TableRecords(table("Settings")),
    audit: new BlobAuditLog(auditBlobs, auditFolders.folder, auditFolders.alsoRead),
    metrics,
  };
}
