import type { LeaseBook, Leases } from "../ports/leases.js";
import type { RecordStore } from "../ports/records.js";
import { azureEntityTable } from "./azure-entity-table.js";
import {
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
}

/** `<prefix>County` and `<prefix>CountyLeases`, created if missing (idempotent). */
export async function createCountyStore(
  connection: TableConnection,
  options: Pick<TableStoreOptions, "tablePrefix" | "allowInsecureConnection"> = {},
): Promise<CountyStore> {
  const prefix = options.tablePrefix ?? "";
  checkTablePrefix(prefix);
  const clientOptions = { allowInsecureConnection: options.allowInsecureConnection ?? false };
  const county = clientFor(connection, `${prefix}County`, clientOptions);
  const leases = clientFor(connection, `${prefix}CountyLeases`, clientOptions);
  await Promise.all([ensureTable(county), ensureTable(leases)]);
  const table = azureEntityTable(county);
  return {
    records: <T>(kind: string): RecordStore<T> => new TableRecords<T>(table, kind),
    leases: new TableLeases(azureEntityTable(leases)),
  };
}
