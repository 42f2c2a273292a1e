import { type Entity, type EntityTable, jsonOf, numberOf, scan } from "./entity-table.js";
import { AlreadyExistsError, ConcurrencyError } from "./errors.js";
import { decodeKey, encodeKey } from "./keys.js";

/**
 * Derived tables (Worklists, Deadlines) keep, per case, a pointer row listing the rows it owns, so a case's
 * old rows can be found and removed without a scan. The pointer rows share one partition that no list or
 * month can be named.
 */
export const INDEX_PARTITION = "~index";
const MAX_ATTEMPTS = 5;

type Pointer = readonly [partitionKey: string, rowKey: string];

const idOf = (p: Pointer): string => JSON.stringify(p);
const pointerOf = (e: Entity): Pointer => [e.partitionKey, e.rowKey];

/** Two pointer lists name the same rows (order aside). */
const sameRows = (a: readonly Pointer[], b: readonly Pointer[]): boolean =>
  a.length === b.length && a.every((p) => b.some((q) => idOf(p) === idOf(q)));

/**
 * Makes `rows` exactly the rows the case owns in `table`. Crash-safe: the pointer row first grows to cover
 * every row about to be written, so a crash never leaves a row no pointer names. `version` (0 = unversioned)
 * stops an older view of the case overwriting a newer one; concurrent writers retry on the pointer's ETag.
 */
export async function replaceCaseRows(
  table: EntityTable,
  caseId: string,
  version: number,
  rows: readonly Entity[],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await replaceOnce(table, caseId, version, rows);
    } catch (error) {
      const raced = error instanceof ConcurrencyError || error instanceof AlreadyExistsError;
      if (!raced || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function replaceOnce(table: EntityTable, caseId: string, version: number, rows: readonly Entity[]) {
  const rowKey = encodeKey(caseId);
  const index = await table.get(INDEX_PARTITION, rowKey);
  const old = index === undefined ? [] : (jsonOf<Pointer[]>(index, "rows") ?? []);
  const oldVersion = index === undefined ? undefined : (numberOf(index, "version") ?? 0);
  if (oldVersion !== undefined && oldVersion > version) return;

  const wanted = rows.map(pointerOf);
  const stale = old.filter((p) => !wanted.some((w) => idOf(w) === idOf(p)));
  const write = (pointers: readonly Pointer[], etag: string | undefined): Promise<string> => {
    const entity = { partitionKey: INDEX_PARTITION, rowKey, version, rows: JSON.stringify(pointers) };
    return etag === undefined ? table.insert(entity) : table.replace(entity, etag);
  };

  let etag = index?.etag;
  let pointed = { rows: old, version: oldVersion };
  const covering = [...old, ...wanted.filter((w) => !old.some((p) => idOf(p) === idOf(w)))];
  if (index === undefined || !sameRows(covering, old)) {
    etag = await write(covering, etag);
    pointed = { rows: covering, version };
  }
  for (const row of rows) await table.upsert(row);
  for (const [pk, rk] of stale) await table.delete(pk, rk);
  if (!sameRows(pointed.rows, wanted) || pointed.version !== version) await write(wanted, etag);
}

/**
 * Makes the whole table exactly `rowsByCase` (the truth, e.g. recomputed from `Cases`): rows nobody owns are
 * deleted, missing or different rows written, pointer rows rewritten. O(table): an operator's repair, not a hot path.
 */
export async function rebuildCaseRows(
  table: EntityTable,
  rowsByCase: ReadonlyMap<string, { readonly version: number; readonly rows: readonly Entity[] }>,
): Promise<void> {
  const wanted = new Map<string, Entity>();
  for (const { rows } of rowsByCase.values()) for (const row of rows) wanted.set(idOf(pointerOf(row)), row);

  const present = new Set<string>();
  for await (const row of scan(table, {})) {
    if (row.partitionKey === INDEX_PARTITION) {
      if (!rowsByCase.has(decodeKey(row.rowKey))) await table.delete(row.partitionKey, row.rowKey);
      continue;
    }
    const id = idOf(pointerOf(row));
    const truth = wanted.get(id);
    if (truth === undefined) await table.delete(row.partitionKey, row.rowKey);
    else if (sameProperties(truth, row)) present.add(id);
  }
  for (const [id, row] of wanted) if (!present.has(id)) await table.upsert(row);
  for (const [caseId, { version, rows }] of rowsByCase) {
    await table.upsert({
      partitionKey: INDEX_PARTITION,
      rowKey: encodeKey(caseId),
      version,
      rows: JSON.stringify(rows.map(pointerOf)),
    });
  }
}

function sameProperties(truth: Entity, row: Entity): boolean {
  const keys = new Set([...Object.keys(truth), ...Object.keys(row)].filter((k) => k !== "etag"));
  return [...keys].every((k) => truth[k] === row[k]);
}
