import { createHash } from "node:crypto";
import {
  type Entity,
  type EntityChange,
  type EntityTable,
  MAX_TRANSACTION_CHANGES,
  jsonOf,
  numberOf,
  scan,
} from "./entity-table.js";
import { AlreadyExistsError, NotFoundError, isWriteRace } from "../ports/errors.js";
import { decodeKey, encodeKey } from "./keys.js";

/**
 * Derived tables (Worklists, Deadlines) keep, per case, a pointer row listing the rows it owns, so a case's
 * old rows can be found and removed without a scan. The pointer rows share one partition that no list or
 * month can be named.
 */
export const INDEX_PARTITION = "~index";
const MAX_ATTEMPTS = 5;

/** A row a case owns; `digest` (its properties' hash) only once the row is known written with them. */
type Pointer = readonly [partitionKey: string, rowKey: string, digest?: string];

const idOf = (p: Pointer): string => JSON.stringify([p[0], p[1]]);
const digestOf = (e: Entity): string =>
  createHash("sha256")
    .update(
      JSON.stringify(
        Object.entries(e)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
    )
    .digest("base64url")
    .slice(0, 16);
const pointerOf = (e: Entity): Pointer => [e.partitionKey, e.rowKey, digestOf(e)];
const rowIdOf = (e: Entity): string => idOf([e.partitionKey, e.rowKey]);
const unverified = ([pk, rk]: Pointer): Pointer => [pk, rk];

/** Two pointer lists name the same rows with the same digests (order aside). */
const samePointers = (a: readonly Pointer[], b: readonly Pointer[]): boolean =>
  a.length === b.length && a.every((p) => b.some((q) => idOf(p) === idOf(q) && p[2] === q[2]));

/**
 * Makes `rows` exactly the rows the case owns in `table`, writing only rows that changed. Crash-safe: the pointer
 * row first grows to cover every row about to be written, so a crash never leaves a row no pointer names, and it
 * records a row's digest only after the row is written, so a crash never makes a stale row look current. `version`
 * (0 = unversioned) stops an older view of the case overwriting a newer one; concurrent writers retry on the
 * pointer's ETag. `fresh` says the case was just created, so its pointer is inserted without reading first (a retry
 * meets the insert's conflict and takes the ordinary path).
 */
export async function replaceCaseRows(
  table: EntityTable,
  caseId: string,
  version: number,
  rows: readonly Entity[],
  options: { readonly fresh?: boolean } = {},
): Promise<void> {
  if (options.fresh === true && (await insertFresh(table, caseId, version, rows))) return;
  for (let attempt = 1; ; attempt++) {
    try {
      return await replaceOnce(table, caseId, version, rows);
    } catch (error) {
      const raced = isWriteRace(error);
      if (!raced || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

const pointerRow = (caseId: string, version: number, pointers: readonly Pointer[]): Entity => ({
  partitionKey: INDEX_PARTITION,
  rowKey: encodeKey(caseId),
  version,
  rows: JSON.stringify(pointers),
});

/** False when the case already has a pointer row (a retry): the caller then takes the ordinary path. */
async function insertFresh(table: EntityTable, caseId: string, version: number, rows: readonly Entity[]) {
  try {
    // Without digests: the rows are not written yet.
    await table.insert(pointerRow(caseId, version, rows.map(pointerOf).map(unverified)));
  } catch (error) {
    if (error instanceof AlreadyExistsError) return false;
    throw error;
  }
  await applyChanges(
    table,
    rows.map((entity) => ({ op: "upsert", entity })),
  );
  return true;
}

async function replaceOnce(table: EntityTable, caseId: string, version: number, rows: readonly Entity[]) {
  const index = await table.get(INDEX_PARTITION, encodeKey(caseId));
  const old = index === undefined ? [] : (jsonOf<Pointer[]>(index, "rows") ?? []);
  const oldVersion = index === undefined ? undefined : (numberOf(index, "version") ?? 0);
  if (oldVersion !== undefined && oldVersion > version) return;

  const wanted = rows.map(pointerOf);
  const oldDigests = new Map(old.map((p) => [idOf(p), p[2]]));
  const wantedIds = new Set(wanted.map(idOf));
  const added = wanted.filter((w) => !oldDigests.has(idOf(w)));
  const changed = rows.filter((_, i) => oldDigests.get(idOf(wanted[i] as Pointer)) !== wanted[i]?.[2]);
  const stale = old.filter((p) => !wantedIds.has(idOf(p)));
  const write = (pointers: readonly Pointer[], etag: string | undefined): Promise<string> => {
    const entity = pointerRow(caseId, version, pointers);
    return etag === undefined ? table.insert(entity) : table.replace(entity, etag);
  };

  let etag = index?.etag;
  let pointed = { rows: old, version: oldVersion };
  if (index === undefined || added.length > 0) {
    const covering = [...old, ...added.map(unverified)];
    etag = await write(covering, etag);
    pointed = { rows: covering, version };
  }
  await applyChanges(table, [
    ...changed.map((entity): EntityChange => ({ op: "upsert", entity })),
    ...stale.map(([partitionKey, rowKey]): EntityChange => ({ op: "delete", partitionKey, rowKey })),
  ]);
  if (!samePointers(pointed.rows, wanted) || pointed.version !== version) await write(wanted, etag);
}

const partitionOf = (change: EntityChange): string =>
  change.op === "delete" ? change.partitionKey : change.entity.partitionKey;

/**
 * Upserts and deletes of derived rows, one entity-group transaction per partition (a lone change goes alone). Azure
 * fails a transaction that deletes a row already gone; that partition's changes are then made one by one.
 */
async function applyChanges(table: EntityTable, changes: readonly EntityChange[]): Promise<void> {
  const byPartition = new Map<string, EntityChange[]>();
  for (const change of changes) {
    byPartition.set(partitionOf(change), [...(byPartition.get(partitionOf(change)) ?? []), change]);
  }
  // Partitions are independent (a case leaving one list and joining another): side by side.
  const applyGroup = async (group: readonly EntityChange[]) => {
    for (let at = 0; at < group.length; at += MAX_TRANSACTION_CHANGES) {
      const chunk = group.slice(at, at + MAX_TRANSACTION_CHANGES);
      if (chunk.length > 1) {
        try {
          await table.transact(chunk);
          continue;
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
        }
      }
      for (const change of chunk) {
        if (change.op === "delete") await table.delete(change.partitionKey, change.rowKey);
        else await table.upsert(change.entity);
      }
    }
  };
  await Promise.all([...byPartition.values()].map(applyGroup));
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
  for (const { rows } of rowsByCase.values()) for (const row of rows) wanted.set(rowIdOf(row), row);

  const present = new Set<string>();
  for await (const row of scan(table, {})) {
    if (row.partitionKey === INDEX_PARTITION) {
      if (!rowsByCase.has(decodeKey(row.rowKey))) await table.delete(row.partitionKey, row.rowKey);
      continue;
    }
    const id = rowIdOf(row);
    const truth = wanted.get(id);
    if (truth === undefined) await table.delete(row.partitionKey, row.rowKey);
    else if (sameProperties(truth, row)) present.add(id);
  }
  for (const [id, row] of wanted) if (!present.has(id)) await table.upsert(row);
  // Every owned row is now written as the truth says, so the pointers carry their digests.
  for (const [caseId, { version, rows }] of rowsByCase) {
    await table.upsert(pointerRow(caseId, version, rows.map(pointerOf)));
  }
}

function sameProperties(truth: Entity, row: Entity): boolean {
  const keys = new Set([...Object.keys(truth), ...Object.keys(row)].filter((k) => k !== "etag"));
  return [...keys].every((k) => truth[k] === row[k]);
}

/** Removes every row the case owns in `table`, then its pointer row (a crash part-way leaves the pointer to retry). */
export async function forgetCaseRows(table: EntityTable, caseId: string): Promise<void> {
  const index = await table.get(INDEX_PARTITION, encodeKey(caseId));
  if (index === undefined) return;
  for (const [partitionKey, rowKey] of jsonOf<Pointer[]>(index, "rows") ?? []) await table.delete(partitionKey, rowKey);
  await table.delete(INDEX_PARTITION, encodeKey(caseId));
}
