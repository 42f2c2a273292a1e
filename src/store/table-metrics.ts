import type { Entity, EntityChange, EntityQuery, EntityTable } from "./entity-table.js";

/** Counts table operations (one per request; a query page or a transaction is one) by table. */
export class TableMetrics {
  readonly #byTable = new Map<string, number>();

  count(table: string): void {
    this.#byTable.set(table, (this.#byTable.get(table) ?? 0) + 1);
  }

  byTable(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.#byTable);
  }

  total(): number {
    let sum = 0;
    for (const n of this.#byTable.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.#byTable.clear();
  }
}

/** The same table, with every request counted under its logical name (without any test prefix). */
export function metered(table: EntityTable, logicalName: string, metrics: TableMetrics): EntityTable {
  const counted =
    <A extends unknown[], R>(op: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      metrics.count(logicalName);
      return op(...args);
    };
  return {
    name: table.name,
    get: counted((pk: string, rk: string) => table.get(pk, rk)),
    insert: counted((e: Entity) => table.insert(e)),
    replace: counted((e: Entity, etag: string) => table.replace(e, etag)),
    upsert: counted((e: Entity) => table.upsert(e)),
    delete: counted((pk: string, rk: string, etag?: string) => table.delete(pk, rk, etag)),
    page: counted((q: EntityQuery, o?: { top?: number; continuation?: string }) => table.page(q, o)),
    transact: counted((changes: readonly EntityChange[]) => table.transact(changes)),
  };
}
