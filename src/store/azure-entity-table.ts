import { RestError, odata, type TableClient, type TableEntity, type TransactionAction } from "@azure/data-tables";
import type { Entity, EntityChange, EntityPage, EntityQuery, EntityTable, StoredEntity } from "./entity-table.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from "../ports/errors.js";
import { StoreUnavailableError } from "./errors.js";

const DEFAULT_PAGE = 1000;

/** Azure's error for a request, in the store's terms; anything unexpected is rethrown as is. */
function translate(error: unknown, table: string, what: string): unknown {
  if (!(error instanceof RestError)) return error;
  switch (error.statusCode) {
    case 409:
      return new AlreadyExistsError(`${table}: ${what} already exists.`, { cause: error });
    case 412:
      return new ConcurrencyError(`${table}: ${what} was changed by someone else; reload and try again.`, {
        cause: error,
      });
    case 404:
      return new NotFoundError(`${table}: ${what} was not found.`, { cause: error });
    case undefined:
    case 500:
    case 503:
      return new StoreUnavailableError(error.code ?? `status ${error.statusCode}`, { cause: error });
    default:
      return error;
  }
}

/** Connection failures surface as plain errors with a system code before any HTTP status exists. */
function translateAny(error: unknown, table: string, what: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof RestError) && typeof code === "string" && /^E[A-Z]+/.test(code)) {
    return new StoreUnavailableError(code, { cause: error });
  }
  return translate(error, table, what);
}

const rowName = (pk: string, rk: string): string => `row ${pk}/${rk}`;

/** Our entity without undefined properties (Azure would store them as nulls) and without read-only metadata. */
function toTableEntity(entity: Entity): TableEntity {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (value !== undefined && key !== "etag") out[key] = value;
  }
  return out as TableEntity;
}

function fromTableEntity(raw: Record<string, unknown>): StoredEntity {
  const { etag, timestamp: _timestamp, "odata.metadata": _metadata, ...rest } = raw;
  return { ...(rest as Entity), etag: String(etag) };
}

function filterOf(query: EntityQuery): string | undefined {
  const parts: string[] = [];
  if (query.partitionKey !== undefined) parts.push(odata`PartitionKey eq ${query.partitionKey}`);
  if (query.partitionKeyFrom !== undefined) parts.push(odata`PartitionKey ge ${query.partitionKeyFrom}`);
  if (query.partitionKeyBefore !== undefined) parts.push(odata`PartitionKey lt ${query.partitionKeyBefore}`);
  if (query.rowKey !== undefined) parts.push(odata`RowKey eq ${query.rowKey}`);
  if (query.rowKeyFrom !== undefined) parts.push(odata`RowKey ge ${query.rowKeyFrom}`);
  if (query.rowKeyBefore !== undefined) parts.push(odata`RowKey lt ${query.rowKeyBefore}`);
  return parts.length === 0 ? undefined : parts.join(" and ");
}

function toAction(change: EntityChange): TransactionAction {
  switch (change.op) {
    case "insert":
      return ["create", toTableEntity(change.entity)];
    case "replace":
      return ["update", toTableEntity(change.entity), "Replace", { etag: change.etag }];
    case "upsert":
      return ["upsert", toTableEntity(change.entity), "Replace"];
    case "delete":
      return ["delete", { partitionKey: change.partitionKey, rowKey: change.rowKey }];
  }
}

export function azureEntityTable(client: TableClient): EntityTable {
  const name = client.tableName;
  const attempt = async <T>(what: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (error) {
      throw translateAny(error, name, what);
    }
  };

  return {
    name,
    async get(pk, rk) {
      try {
        return fromTableEntity(await client.getEntity(pk, rk));
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw translateAny(error, name, rowName(pk, rk));
      }
    },
    insert: (entity) =>
      attempt(rowName(entity.partitionKey, entity.rowKey), async () => {
        const response = await client.createEntity(toTableEntity(entity));
        return String(response.etag);
      }),
    replace: (entity, etag) =>
      attempt(rowName(entity.partitionKey, entity.rowKey), async () => {
        const response = await client.updateEntity(toTableEntity(entity), "Replace", { etag });
        return String(response.etag);
      }),
    upsert: (entity) =>
      attempt(rowName(entity.partitionKey, entity.rowKey), async () => {
        const response = await client.upsertEntity(toTableEntity(entity), "Replace");
        return String(response.etag);
      }),
    async delete(pk, rk, etag) {
      try {
        await client.deleteEntity(pk, rk, etag === undefined ? undefined : { etag });
        return true;
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return false;
        throw translateAny(error, name, rowName(pk, rk));
      }
    },
    page: (query, options) =>
      attempt("query", async (): Promise<EntityPage> => {
        const filter = filterOf(query);
        const pages = client
          .listEntities<Record<string, unknown>>(filter === undefined ? {} : { queryOptions: { filter } })
          .byPage({ maxPageSize: options?.top ?? DEFAULT_PAGE, continuationToken: options?.continuation });
        const next = await pages.next();
        if (next.done === true) return { items: [] };
        return {
          items: next.value.map((raw) => fromTableEntity(raw)),
          ...(next.value.continuationToken === undefined ? {} : { continuation: next.value.continuationToken }),
        };
      }),
    transact: (changes) =>
      attempt(`a change of ${changes.length} rows`, async () => {
        const response = await client.submitTransaction(changes.map(toAction));
        // Sub-responses come in request order; only an insert's names its row, so the row key is taken from the request.
        return new Map(
          response.subResponses.flatMap((sub, i) => {
            const change = changes[i];
            return change !== undefined && change.op !== "delete" && sub.etag
              ? [[change.entity.rowKey, String(sub.etag)] as const]
              : [];
          }),
        );
      }),
  };
}
