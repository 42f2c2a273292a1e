import type { AuditLog } from "../ports/audit.js";
import type { LeaseBook, Leases } from "../ports/leases.js";
import type { RecordStore } from "../ports/records.js";
import { azureAppendBlobs, ensureAuditContainer } from "./azure-append-blobs.js";
import { azureEntityTable } from "./azure-entity-table.js";
import { BlobAuditLog } from "./blob-audit-log.js";
import {
  auditContainerFor,
  auditContainerName,
  checkTablePrefix,
  clientFor,
  ensureTable,
  type TableConnection,
  type TableStoreOptions,
} from "./create-table-store.js";
import { TableLeases } from "./table-leases.js";
import { TableRecords } from "./table-records.js";

/** What belongs to the county rather than to one centre: who works across centres, mail not yet routed, instances. */
export interface CountyStore {
  /** Records of one kind, each kind in its own partition of the `County` table (tens to thousands of rows). */
  records<T>(kind: string): RecordStore<T>;
  /** Leases over every centre: which instance serves which mailboxes. */
  readonly leases: Leases & LeaseBook;
  /** What was done to the county's own records (its staff list), in `county/` of the deployment's audit container. */
  readonly audit: AuditLog;
}

/** `<prefix>County` and `<prefix>CountyLeases` (and the audit container), created if missing (idempotent). */
export async function createCountyStore(
  connection: TableConnection,
  options: Pick<TableStoreOptions, "tablePrefix" | "allowInsecureConnection"> = {},
): Promise<CountyStore> {
  const prefix = options.tablePrefix ?? "";
  checkTablePrefix(prefix);
  const clientOptions = { allowInsecureConnection: options.allowInsecureConnection ?? false };
  const county = clientFor(connection, `${prefix}County`, clientOptions);
  const leases = clientFor(connection, `${prefix}CountyLeases`, clientOptions);
  const container = auditContainerFor(connection, auditContainerName(prefix));
  await Promise.all([
    ensureTable(county),
    ensureTable(leases),
    // By identity the container is infra/'s, as for every centre's audit.
    typeof connection === "string" ? ensureAuditContainer(container) : undefined,
  ]);
  const table = azureEntityTable(county);
  return {
    records: <T>(kind: string): RecordStore<T> => new TableRecords<T>(table, kind),
    leases: new TableLeases(azureEntityTable(leases)),
    // No centre is called `county` (CENTRE_ID), so this folder is the county's alone.
    audit: new BlobAuditLog(azureAppendBlobs(container), "county/"),
  };
}
