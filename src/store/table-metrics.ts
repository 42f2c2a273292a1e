import type { Entity, EntityChange, EntityQuery, EntityTable } from "./entity-table.js";

/** What one request to a table did: a transaction (entity-group batch) or a query page is one request. */
export type TableOperation = "get" | "insert" | "replace" | "upsert" | "delete" | "page" | "transact";

/** Counts table operations (one per request; a query page or a transaction is one) by table and by operation. */
export class TableMetrics {
  readonly #byTable = new Map<string, number>();
  readonly #byOperation = new Map<string, number>();

  count(table: string, operation?: TableOperation): void {
    this.#byTable.set(table, (this.#byTable.get(table) ?? 0) + 1);
    if (operation === undefined) return;
    const key = `${table} ${operation}`;
    this.#byOperation.set(key, (this.#byOperation.get(key) ?? 0) + 1);
  }

  byTable(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.#byTable);
  }

  /** `"Cases transact"` → 1: what a benchmark or budget test lists when a count grows. */
  byOperation(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.#byOperation].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    let sum = 0;
    for (const n of this.#byTable.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.#byTable.clear();
    this.#byOperation.clear();
  }
}

/** The same table, with every request counted under its logical name (without any test prefix). */
export function metered(table: EntityTable, logicalName: string, metrics: TableMetrics): EntityTable {
  const counted =
    <A extends unknown[], R>(operation: TableOperation, op: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      metrics.count(logicalName, operation);
      return op(...args);
    };
  return {
    name: table.name,
    get: counted("get", (pk: string, rk: string) => table.get(pk, rk)),
    insert: counted("insert", (e: Entity) => table.insert(e)),
    replace: counted("replace", (e: Entity, etag: string) => table.replace(e, etag)),
    upsert: counted("upsert", (e: Entity) => table.upsert(e)),
    delete: counted("delete", (pk: string, rk: string, etag?: string) => table.delete(pk, rk, etag)),
    page: counted("page", (q: EntityQuery, o?: { top?: number; continuation?: string }) => table.page(q, o)),
    transact: counted("transact", (changes: readonly EntityChange[]) => table.transact(changes)),
  };
}
