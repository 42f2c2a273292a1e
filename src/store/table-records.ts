import type { RecordStore, Versioned } from "../ports/records.js";
import { type EntityTable, jsonOf, scan } from "./entity-table.js";
import { NotFoundError } from "../ports/errors.js";
import { decodeKey, encodeKey } from "./keys.js";

/** One partition a kind of record is plenty: these tables hold tens to hundreds of small rows. */
const RECORDS = "record";

/**
 * A typed record per key, stored as JSON, with ETag-guarded replace (Sync, Conversations, Staff, Settings). A second
 * kind of record in a table keeps to its own partition, so each lists only its own.
 */
export class TableRecords<T> implements RecordStore<T> {
  constructor(
    private readonly table: EntityTable,
    private readonly partition = RECORDS,
  ) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const row = await this.table.get(this.partition, encodeKey(key));
    const value = row === undefined ? undefined : jsonOf<T>(row, "value");
    return row === undefined || value === undefined ? undefined : { value, etag: row.etag };
  }

  async put(key: string, value: T, etag?: string): Promise<Versioned<T>> {
    const entity = { partitionKey: this.partition, rowKey: encodeKey(key), value: JSON.stringify(value) };
    try {
      const written = etag === undefined ? await this.table.insert(entity) : await this.table.replace(entity, etag);
      return { value, etag: written };
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new NotFoundError(`${this.table.name}: "${key}" was deleted since it was read; reload and try again.`);
      }
      throw error;
    }
  }

  delete(key: string, etag?: string): Promise<boolean> {
    return this.table.delete(this.partition, encodeKey(key), etag);
  }

  async list(): Promise<Array<Versioned<T> & { readonly key: string }>> {
    const all: Array<Versioned<T> & { readonly key: string }> = [];
    for await (const row of scan(this.table, { partitionKey: this.partition })) {
      const value = jsonOf<T>(row, "value");
      if (value !== undefined) all.push({ key: decodeKey(row.rowKey), value, etag: row.etag });
    }
    return all;
  }
}
