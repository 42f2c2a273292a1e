/**
 * The few table operations the repositories need, with the same semantics on Azure Tables
 * (azure-entity-table.ts) and in memory (memory/memory-entity-table.ts). Failures are store errors:
 * `insert` of a present row → AlreadyExistsError; an ETag that no longer matches → ConcurrencyError;
 * `replace` of a missing row → NotFoundError.
 */
export type EntityValue = string | number | boolean;

export interface Entity {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly [property: string]: EntityValue | undefined;
}

export interface StoredEntity extends Entity {
  readonly etag: string;
}

/** Rows of one partition, a half-open range of partitions, or all; optionally one row key or a half-open row key range. */
export interface EntityQuery {
  readonly partitionKey?: string;
  readonly partitionKeyFrom?: string;
  readonly partitionKeyBefore?: string;
  readonly rowKey?: string;
  readonly rowKeyFrom?: string;
  readonly rowKeyBefore?: string;
}

export interface EntityPage {
  readonly items: readonly StoredEntity[];
  readonly continuation?: string;
}

export type EntityChange =
  | { readonly op: "insert"; readonly entity: Entity }
  | { readonly op: "replace"; readonly entity: Entity; readonly etag: string }
  | { readonly op: "upsert"; readonly entity: Entity }
  | { readonly op: "delete"; readonly partitionKey: string; readonly rowKey: string };

/** Azure's limit on one entity group transaction. */
export const MAX_TRANSACTION_CHANGES = 100;

export interface EntityTable {
  readonly name: string;
  get(partitionKey: string, rowKey: string): Promise<StoredEntity | undefined>;
  insert(entity: Entity): Promise<string>;
  replace(entity: Entity, etag: string): Promise<string>;
  /** Unconditional: only for derived rows (indexes) that any writer may overwrite. */
  upsert(entity: Entity): Promise<string>;
  /** False when the row was already gone; with `etag`, ConcurrencyError if it changed. */
  delete(partitionKey: string, rowKey: string, etag?: string): Promise<boolean>;
  page(query: EntityQuery, options?: { top?: number; continuation?: string }): Promise<EntityPage>;
  /** All changes (one partition, ≤ 100) succeed together or none does. Answers the new ETag of each row written, by row key. */
  transact(changes: readonly EntityChange[]): Promise<ReadonlyMap<string, string>>;
}

/** Every row matching the query, page by page. */
export async function* scan(table: EntityTable, query: EntityQuery): AsyncGenerator<StoredEntity> {
  let continuation: string | undefined;
  do {
    const page = await table.page(query, { continuation });
    yield* page.items;
    continuation = page.continuation;
  } while (continuation !== undefined);
}

export const stringOf = (entity: Entity, property: string): string | undefined => {
  const value = entity[property];
  return typeof value === "string" ? value : undefined;
};

export const numberOf = (entity: Entity, property: string): number | undefined => {
  const value = entity[property];
  return typeof value === "number" ? value : undefined;
};

/**
 * Azure Tables refuses a string property over 64 KiB (32K UTF-16 characters: PropertyValueTooLarge) but holds
 * 1 MiB an entity, so JSON that can grow with the caseload (a long agenda's case ids) is spread over `name`,
 * `name_1`, `name_2`… and `jsonOf` joins them again.
 */
const JSON_CHUNK_CHARS = 30_000;

export function jsonProperties(name: string, value: unknown): Record<string, string> {
  const json = JSON.stringify(value);
  const properties: Record<string, string> = {};
  for (let at = 0, part = 0; at === 0 || at < json.length; at += JSON_CHUNK_CHARS, part++) {
    properties[part === 0 ? name : `${name}_${part}`] = json.slice(at, at + JSON_CHUNK_CHARS);
  }
  return properties;
}

export const jsonOf = <T>(entity: Entity, property: string): T | undefined => {
  const first = stringOf(entity, property);
  if (first === undefined) return undefined;
  let json = first;
  for (let part = 1; ; part++) {
    const next = stringOf(entity, `${property}_${part}`);
    if (next === undefined) break;
    json += next;
  }
  return JSON.parse(json) as T;
};

export const jsonOrUndefined = (value: unknown): string | undefined =>
  value === undefined ? undefined : JSON.stringify(value);
