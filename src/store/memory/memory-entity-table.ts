import type { Entity, EntityChange, EntityPage, EntityQuery, EntityTable, StoredEntity } from "../entity-table.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from "../../ports/errors.js";

const DEFAULT_PAGE = 1000;

const idOf = (pk: string, rk: string): string => JSON.stringify([pk, rk]);
const rowName = (pk: string, rk: string): string => `row ${pk}/${rk}`;

function matches(entity: Entity, query: EntityQuery): boolean {
  if (query.partitionKey !== undefined && entity.partitionKey !== query.partitionKey) return false;
  if (query.partitionKeyFrom !== undefined && entity.partitionKey < query.partitionKeyFrom) return false;
  if (query.partitionKeyBefore !== undefined && entity.partitionKey >= query.partitionKeyBefore) return false;
  if (query.rowKey !== undefined && entity.rowKey !== query.rowKey) return false;
  if (query.rowKeyFrom !== undefined && entity.rowKey < query.rowKeyFrom) return false;
  if (query.rowKeyBefore !== undefined && entity.rowKey >= query.rowKeyBefore) return false;
  return true;
}

const withoutUndefined = (entity: Entity): Entity =>
  Object.fromEntries(Object.entries(entity).filter(([k, v]) => v !== undefined && k !== "etag")) as Entity;

/**
 * A table in memory with Azure's rules: ETags on every write, insert-if-absent, If-Match honoured inside
 * transactions too (as real Azure does; Azurite does not), and all-or-nothing transactions.
 */
export function memoryEntityTable(name: string): EntityTable {
  const rows = new Map<string, StoredEntity>();
  let version = 0;
  const nextEtag = (): string => `W/"memory'${++version}'"`;

  const check = (change: EntityChange): void => {
    const pk = change.op === "delete" ? change.partitionKey : change.entity.partitionKey;
    const rk = change.op === "delete" ? change.rowKey : change.entity.rowKey;
    const current = rows.get(idOf(pk, rk));
    if (change.op === "insert" && current !== undefined) {
      throw new AlreadyExistsError(`${name}: ${rowName(pk, rk)} already exists.`);
    }
    if (change.op === "replace") {
      if (current === undefined) throw new NotFoundError(`${name}: ${rowName(pk, rk)} was not found.`);
      if (current.etag !== change.etag) {
        throw new ConcurrencyError(`${name}: ${rowName(pk, rk)} was changed by someone else; reload and try again.`);
      }
    }
  };

  const apply = (change: EntityChange): string => {
    if (change.op === "delete") {
      rows.delete(idOf(change.partitionKey, change.rowKey));
      return "";
    }
    const etag = nextEtag();
    const stored = { ...withoutUndefined(change.entity), etag };
    rows.set(idOf(stored.partitionKey, stored.rowKey), stored);
    return etag;
  };

  const write = async (change: EntityChange): Promise<string> => {
    check(change);
    return apply(change);
  };

  return {
    name,
    get: async (pk, rk) => {
      const row = rows.get(idOf(pk, rk));
      return row === undefined ? undefined : { ...row };
    },
    insert: (entity) => write({ op: "insert", entity }),
    replace: (entity, etag) => write({ op: "replace", entity, etag }),
    upsert: (entity) => write({ op: "upsert", entity }),
    async delete(pk, rk, etag) {
      const current = rows.get(idOf(pk, rk));
      if (current === undefined) return false;
      if (etag !== undefined && current.etag !== etag) {
        throw new ConcurrencyError(`${name}: ${rowName(pk, rk)} was changed by someone else; reload and try again.`);
      }
      rows.delete(idOf(pk, rk));
      return true;
    },
    async page(query, options): Promise<EntityPage> {
      const after = options?.continuation;
      const sorted = [...rows.values()]
        .filter((e) => matches(e, query))
        .map((e) => ({ entity: e, id: idOf(e.partitionKey, e.rowKey) }))
        .sort((a, b) =>
          a.entity.partitionKey === b.entity.partitionKey
            ? cmp(a.entity.rowKey, b.entity.rowKey)
            : cmp(a.entity.partitionKey, b.entity.partitionKey),
        )
        .filter(({ entity }) => after === undefined || isAfter(entity, after));
      const top = options?.top ?? DEFAULT_PAGE;
      const items = sorted.slice(0, top).map(({ entity }) => ({ ...entity }));
      const last = items.at(-1);
      return sorted.length > top && last !== undefined
        ? { items, continuation: idOf(last.partitionKey, last.rowKey) }
        : { items };
    },
    async transact(changes) {
      changes.forEach(check);
      const etags = new Map<string, string>();
      for (const change of changes) {
        const etag = apply(change);
        if (change.op !== "delete") etags.set(change.entity.rowKey, etag);
      }
      return etags;
    },
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isAfter(entity: Entity, continuation: string): boolean {
  const [pk, rk] = JSON.parse(continuation) as [string, string];
  return entity.partitionKey === pk ? entity.rowKey > rk : entity.partitionKey > pk;
}
