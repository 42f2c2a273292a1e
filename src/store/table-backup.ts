import { azureEntityTable } from "./azure-entity-table.js";
import {
  clientFor,
  createTableStore,
  tableNameOf,
  type TableConnection,
  type TableStoreOptions,
} from "./create-table-store.js";
import { MAX_TRANSACTION_CHANGES, scan, type Entity, type EntityChange, type EntityTable } from "./entity-table.js";
import { BackupError } from "./errors.js";
import { TABLE_NAMES, type TableName } from "./store.js";

export { BackupError };

/** One row of one table, as a backup file holds it (no ETag: a restored row gets a new one). */
export interface BackupRow {
  readonly table: TableName;
  readonly row: Entity;
}

/** Raw access to every table of one centre (created if missing), for backup and restore only. */
export async function backupTables(
  connection: TableConnection,
  options: TableStoreOptions = {},
): Promise<(name: TableName) => EntityTable> {
  await createTableStore(connection, options);
  const clientOptions = { allowInsecureConnection: options.allowInsecureConnection ?? false };
  const tables = new Map(
    TABLE_NAMES.map(
      (name) => [name, azureEntityTable(clientFor(connection, tableNameOf(options, name), clientOptions))] as const,
    ),
  );
  return (name) => tables.get(name) as EntityTable;
}

/** Every row of every table, table by table, partition by partition (Azure Tables has no point-in-time restore). */
export async function* backupRows(tableFor: (name: TableName) => EntityTable): AsyncGenerator<BackupRow> {
  for (const table of TABLE_NAMES) {
    for await (const { etag: _etag, ...row } of scan(tableFor(table), {})) yield { table, row };
  }
}

/**
 * Restores a backup into empty tables (refused otherwise: a restore never mixes with live rows), a partition's rows
 * together in transactions of up to 100. Answers the rows restored per table.
 */
export async function restoreRows(
  tableFor: (name: TableName) => EntityTable,
  rows: AsyncIterable<BackupRow>,
): Promise<Record<TableName, number>> {
  for (const table of TABLE_NAMES) {
    if ((await tableFor(table).page({}, { top: 1 })).items.length > 0) {
      throw new BackupError(
        "BACKUP.NOT_EMPTY",
        `Table ${table} already holds rows: restore into a new storage account or table prefix, never over live data.`,
      );
    }
  }
  return writeRows(tableFor, rows, "insert");
}

/**
 * Writes rows a partition's at a time, in transactions of up to 100: `insert` (a restore, into empty tables) or
 * `upsert` (a copy that may be run again after it was stopped). Answers the rows written per table.
 */
export async function writeRows(
  tableFor: (name: TableName) => EntityTable,
  rows: AsyncIterable<BackupRow>,
  op: "insert" | "upsert",
): Promise<Record<TableName, number>> {
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  let batch: { table: TableName; partitionKey: string; changes: EntityChange[] } | undefined;
  const flush = async () => {
    if (batch === undefined || batch.changes.length === 0) return;
    await tableFor(batch.table).transact(batch.changes);
    counts[batch.table] += batch.changes.length;
    batch = undefined;
  };
  for await (const { table, row } of rows) {
    if (!TABLE_NAMES.includes(table)) throw new BackupError("BACKUP.BAD_FILE", `The backup names no table "${table}".`);
    const full = batch !== undefined && batch.changes.length >= MAX_TRANSACTION_CHANGES;
    if (batch === undefined || batch.table !== table || batch.partitionKey !== row.partitionKey || full) {
      await flush();
      batch = { table, partitionKey: row.partitionKey, changes: [] };
    }
    batch.changes.push({ op, entity: row });
  }
  await flush();
  return counts;
}
