import { RestError, TableClient, type TableServiceClientOptions } from "@azure/data-tables";
import type { TokenCredential } from "@azure/identity";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { azureAppendBlobs, ensureAuditContainer } from "./azure-append-blobs.js";
import { azureEntityTable } from "./azure-entity-table.js";
import { StoreUnavailableError, invalidCentreId, invalidTablePrefix } from "./errors.js";
import { TABLE_NAMES, storeOver, type Store, type TableName } from "./store.js";

/**
 * A connection string (Azurite, or an account key: its table and blob endpoints), or the account's table and blob
 * URLs with a credential (managed identity).
 */
export type TableConnection =
  string | { readonly accountUrl: string; readonly auditBlobAccountUrl: string; readonly credential: TokenCredential };

export interface TableStoreOptions {
  /** Only for Azurite over http. */
  readonly allowInsecureConnection?: boolean;
  /** Prepended to every table name, so tests, tenants or environments can share an account. */
  readonly tablePrefix?: string;
  /**
   * The Family Centre whose tables these are (`<prefix><centre>Cases`…): each centre's rows live in its own tables,
   * and its access audit in its own folder of the deployment's audit container. None: the one-centre tables from
   * before centres, which only `fc migrate` still reads.
   */
  readonly centre?: string;
  /** The centre that was the deployment's only one: it also reads the audit appended before centres. */
  readonly readsOneCentreAudit?: boolean;
}

/** A centre's name for one of its tables. */
export const tableNameOf = (options: Pick<TableStoreOptions, "tablePrefix" | "centre">, name: TableName): string =>
  `${options.tablePrefix ?? ""}${options.centre ?? ""}${name}`;

const PREFIX = /^([A-Za-z][A-Za-z0-9]{0,39})?$/;
/**
 * Not `county`: Azure's table names ignore case, and `countyLeases` would be the county's own `CountyLeases`. Not
 * `frontdoor`: the county's shared Front Door address keeps its mail ledger under that id.
 */
export const CENTRE_ID = /^(?!county$|frontdoor$)[a-z][a-z0-9]{0,11}$/;
/** The tables of the county's shared Front Door address (its ledger, delta link and leases): `<prefix>frontdoor…`. */
export const FRONT_DOOR_ID = "frontdoor";

export function checkTablePrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw invalidTablePrefix(prefix);
}

export function clientFor(connection: TableConnection, table: string, options: TableServiceClientOptions): TableClient {
  return typeof connection === "string"
    ? TableClient.fromConnectionString(connection, table, options)
    : new TableClient(connection.accountUrl, table, connection.credential, options);
}

export async function ensureTable(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 409) return; // TableAlreadyExists
    const detail = error instanceof RestError ? (error.code ?? `status ${error.statusCode}`) : String(error);
    throw new StoreUnavailableError(`creating table ${client.tableName}: ${detail}`, { cause: error });
  }
}

/** The access audit's container: `audit`, or `<prefix>-audit` beside prefixed tables. */
export const auditContainerName = (tablePrefix: string): string =>
  tablePrefix === "" ? "audit" : `${tablePrefix.toLowerCase()}-audit`;

export function auditContainerFor(connection: TableConnection, name: string): ContainerClient {
  const service =
    typeof connection === "string"
      ? BlobServiceClient.fromConnectionString(connection)
      : new BlobServiceClient(connection.auditBlobAccountUrl, connection.credential);
  return service.getContainerClient(name);
}

/**
 * Creates the tables if missing (idempotent) and returns every repository over them. By connection string the
 * audit container is created too; by identity it is infra/'s (with its immutability policy), never the service's.
 */
export async function createTableStore(connection: TableConnection, options: TableStoreOptions = {}): Promise<Store> {
  const prefix = options.tablePrefix ?? "";
  checkTablePrefix(prefix);
  if (options.centre !== undefined && options.centre !== FRONT_DOOR_ID && !CENTRE_ID.test(options.centre))
    throw invalidCentreId(options.centre);
  const clientOptions = { allowInsecureConnection: options.allowInsecureConnection ?? false };
  const clients = new Map<TableName, TableClient>(
    TABLE_NAMES.map((name) => [name, clientFor(connection, tableNameOf(options, name), clientOptions)]),
  );
  await Promise.all([...clients.values()].map(ensureTable));
  const container = auditContainerFor(connection, auditContainerName(prefix));
  if (typeof connection === "string") await ensureAuditContainer(container);
  return storeOver((name) => azureEntityTable(clients.get(name) as TableClient), azureAppendBlobs(container), {
    folder: options.centre === undefined ? "" : `${options.centre}/`,
    alsoRead: options.readsOneCentreAudit === true ? [""] : [],
  });
}
