import { RestError, type TableClient } from "@azure/data-tables";
import { azureEntityTable } from "./azure-entity-table.js";
import { clientFor, tableNameOf, type TableConnection, type TableStoreOptions } from "./create-table-store.js";
import { scan, type EntityTable } from "./entity-table.js";
import { StoreUnavailableError } from "./errors.js";
import { backupTables, writeRows, type BackupRow } from "./table-backup.js";
import { TABLE_NAMES, type TableName } from "./store.js";

type Options = Pick<TableStoreOptions, "tablePrefix" | "allowInsecureConnection">;

const isTableNotFound = (error: unknown): boolean => error instanceof RestError && error.statusCode === 404;

/** The tables of a deployment from before centres (`<prefix>Cases`…), never created here. */
function oneCentreClients(connection: TableConnection, options: Options): Map<TableName, TableClient> {
  const clientOptions = { allowInsecureConnection: options.allowInsecureConnection ?? false };
  const oneCentre = { tablePrefix: options.tablePrefix ?? "" }; // no centre id: the tables from before centres
  return new Map(TABLE_NAMES.map((name) => [name, clientFor(connection, tableNameOf(oneCentre, name), clientOptions)]));
}

async function holdsRows(client: TableClient): Promise<boolean> {
  try {
    const first = await client.listEntities().byPage({ maxPageSize: 1 }).next();
    return first.done !== true && first.value.length > 0;
  } catch (error) {
    if (isTableNotFound(error)) return false;
    throw new StoreUnavailableError(`reading table ${client.tableName}`, { cause: error });
  }
}

/** Whether the storage still holds a one-centre deployment's rows, which `fc migrate` moves into a centre's tables. */
export async function holdsOneCentreData(connection: TableConnection, options: Options): Promise<boolean> {
  const clients = oneCentreClients(connection, options);
  const found = await Promise.all([...clients.values()].map(holdsRows));
  return found.some(Boolean);
}

async function countRows(table: EntityTable): Promise<number> {
  let count = 0;
  for await (const _row of scan(table, {})) count++;
  return count;
}

async function* rowsOf(tables: ReadonlyMap<TableName, EntityTable>): AsyncGenerator<BackupRow> {
  for (const [table, rows] of tables) {
    for await (const { etag: _etag, ...row } of scan(rows, {})) yield { table, row };
  }
}

export interface OneCentreMigration {
  /** Rows copied, per table. */
  readonly rows: Record<TableName, number>;
  readonly oneCentreTablesDeleted: number;
}

/**
 * Moves a one-centre deployment's rows into `centre`'s tables: every row copied as it is (keys and properties), by
 * upsert, so a migration stopped half-way is simply run again; each centre table is then counted against what was
 * copied into it, and only then are the old tables deleted. The service refuses to start until this has run.
 */
export async function migrateOneCentre(
  connection: TableConnection,
  options: Options & { readonly centre: string },
): Promise<OneCentreMigration> {
  const clients = oneCentreClients(connection, options);
  const present = new Map<TableName, EntityTable>();
  for (const [name, client] of clients) {
    if (await holdsRows(client)) present.set(name, azureEntityTable(client));
  }
  const target = await backupTables(connection, options);
  const rows = await writeRows(target, rowsOf(present), "upsert");
  for (const [name] of present) {
    const counted = await countRows(target(name));
    if (counted < rows[name]) {
      throw new StoreUnavailableError(`copying ${name}: ${counted} of ${rows[name]} rows found after the copy`);
    }
  }
  let deleted = 0;
  for (const [, client] of clients) {
    try {
      await client.deleteTable();
      deleted++;
    } catch (error) {
      if (!isTableNotFound(error)) throw new StoreUnavailableError(`deleting ${client.tableName}`, { cause: error });
    }
  }
  return { rows, oneCentreTablesDeleted: deleted };
}
