import type { DeadlineEntry, DeadlineIndex, IndexWriteOptions } from "../ports/indexes.js";
import { rebuildCaseRows, replaceCaseRows, forgetCaseRows } from "./case-index.js";
import { type Entity, type EntityTable, numberOf, scan, stringOf } from "./entity-table.js";
import { encodeKey, isoInstant } from "./keys.js";

/** Partition of an instant: its UTC month, `YYYY-MM`. */
const monthOf = (iso: string): string => iso.slice(0, 7);

function entryRow(entry: DeadlineEntry): Entity {
  const dueAt = isoInstant(entry.dueAt);
  return {
    partitionKey: monthOf(dueAt),
    rowKey: [dueAt, entry.caseId, entry.rule, String(entry.instance), entry.threshold].map(encodeKey).join("~"),
    caseId: entry.caseId,
    rule: entry.rule,
    instance: entry.instance,
    threshold: entry.threshold,
    dueAt,
    workerId: entry.workerId,
  };
}

function entryOf(row: Entity): DeadlineEntry {
  const workerId = stringOf(row, "workerId");
  return {
    caseId: stringOf(row, "caseId") ?? "",
    rule: stringOf(row, "rule") ?? "",
    instance: numberOf(row, "instance") ?? 0,
    threshold: stringOf(row, "threshold") === "expected" ? "expected" : "maximum",
    dueAt: stringOf(row, "dueAt") ?? "",
    ...(workerId === undefined ? {} : { workerId }),
  };
}

/** Every UTC month touched by [from, to). */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor < to) {
    months.push(monthOf(cursor.toISOString()));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Azure `Deadlines` table: partitions by due month, rows sorted by due instant, so "what is due" costs O(due). */
export class TableDeadlines implements DeadlineIndex {
  constructor(private readonly table: EntityTable) {}

  forgetCase(caseId: string): Promise<void> {
    return forgetCaseRows(this.table, caseId);
  }

  replaceForCase(caseId: string, entries: readonly DeadlineEntry[], options?: IndexWriteOptions): Promise<void> {
    return replaceCaseRows(this.table, caseId, 0, entries.map(entryRow), options);
  }

  async dueBetween(from: Date, to: Date): Promise<DeadlineEntry[]> {
    const due: DeadlineEntry[] = [];
    // A row key starts with its due instant, so the instant bounds are row key bounds (ISO sorts as time), and
    // the months touched bound the partitions: one query, in due order (month, then instant), however long the span.
    const months = monthsBetween(from, to);
    const [first, last] = [months[0], months.at(-1)];
    if (first === undefined || last === undefined) return due;
    const query = {
      partitionKeyFrom: first,
      partitionKeyBefore: `${last}~`, // just after the last month's own key
      rowKeyFrom: encodeKey(isoInstant(from)),
      rowKeyBefore: encodeKey(isoInstant(to)),
    };
    for await (const row of scan(this.table, query)) due.push(entryOf(row));
    return due;
  }

  async rebuild(
    source: AsyncIterable<{ readonly caseId: string; readonly entries: readonly DeadlineEntry[] }>,
  ): Promise<void> {
    const truth = new Map<string, { version: number; rows: Entity[] }>();
    for await (const { caseId, entries } of source) truth.set(caseId, { version: 0, rows: entries.map(entryRow) });
    await rebuildCaseRows(this.table, truth);
  }
}
