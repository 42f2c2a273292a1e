import { TableClient } from "@azure/data-tables";
import { azureEntityTable } from "../../src/store/azure-entity-table.js";
import { type EntityTable, MAX_TRANSACTION_CHANGES, type StoredEntity } from "../../src/store/entity-table.js";
import { StoreUnavailableError } from "../../src/store/errors.js";
import { memoryAppendBlobs } from "../../src/store/memory/memory-append-blobs.js";
import { memoryEntityTable } from "../../src/store/memory/memory-entity-table.js";
import { storeOver, type Store } from "../../src/store/store.js";

/** The store's repositories over in-memory tables, and those tables, so that their rows can be copied elsewhere. */
export function recordingMemoryStore(): { readonly store: Store; readonly tables: readonly EntityTable[] } {
  const tables: EntityTable[] = [];
  const store = storeOver((name) => {
    const table = memoryEntityTable(name);
    tables.push(table);
    return table;
  }, memoryAppendBlobs());
  return { store, tables };
}

/** Rows of one partition in groups Azure accepts as one entity group transaction. */
function batchesOf(rows: readonly StoredEntity[]): StoredEntity[][] {
  const byPartition = new Map<string, StoredEntity[]>();
  for (const row of rows) {
    const partition = byPartition.get(row.partitionKey);
    if (partition === undefined) byPartition.set(row.partitionKey, [row]);
    else partition.push(row);
  }
  const batches: StoredEntity[][] = [];
  for (const partition of byPartition.values()) {
    for (let at = 0; at < partition.length; at += MAX_TRANSACTION_CHANGES) {
      batches.push(partition.slice(at, at + MAX_TRANSACTION_CHANGES));
    }
  }
  return batches;
}

const ATTEMPTS = 3;

/** Upserts are idempotent, so a batch sent on a connection Azurite had closed (EPIPE after a long idle) is sent again. */
async function again<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Writes every row of `tables` into the same-named tables of the account (which must exist already), as
 * entity group transactions with `parallel` in flight: Azurite inserts in O(1), so n rows cost O(n).
 */
export async function copyTables(
  tables: readonly EntityTable[],
  connectionString: string,
  options: { readonly tablePrefix?: string; readonly parallel?: number } = {},
): Promise<number> {
  const jobs: Array<() => Promise<unknown>> = [];
  let copied = 0;
  for (const source of tables) {
    const client = TableClient.fromConnectionString(connectionString, `${options.tablePrefix ?? ""}${source.name}`, {
      allowInsecureConnection: true,
    });
    const target = azureEntityTable(client);
    // One page of everything: the memory table sorts all its rows for every page it answers.
    const { items: rows } = await source.page({}, { top: Number.MAX_SAFE_INTEGER });
    copied += rows.length;
    for (const batch of batchesOf(rows)) {
      jobs.push(() =>
        again(() => target.transact(batch.map(({ etag: _etag, ...entity }) => ({ op: "upsert", entity })))),
      );
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]?.();
  };
  await Promise.all(Array.from({ length: options.parallel ?? 16 }, worker));
  return copied;
}
