import type { ProjectionMark, ProjectionQueue } from "../ports/projections.js";
import { NotFoundError } from "../ports/errors.js";
import { type Entity, type EntityTable, MAX_TRANSACTION_CHANGES, numberOf, scan, stringOf } from "./entity-table.js";
import { encodeKey } from "./keys.js";

/** One partition: the marks are few (what the projector has not reached yet), and listed in one range. */
const DUE = "due";

const rowKeyOf = (mark: Pick<ProjectionMark, "caseId" | "seq">): string =>
  `${encodeKey(mark.caseId)}~${String(mark.seq).padStart(6, "0")}`;

const rowOf = (mark: ProjectionMark): Entity => ({
  partitionKey: DUE,
  rowKey: rowKeyOf(mark),
  caseId: mark.caseId,
  seq: mark.seq,
  fresh: mark.fresh,
});

const markOf = (row: Entity): ProjectionMark => ({
  caseId: stringOf(row, "caseId") ?? "",
  seq: numberOf(row, "seq") ?? 0,
  fresh: row["fresh"] === true,
});

/**
 * Azure `Projections` table: one row per case change still to project, in a table of its own so that listing them
 * reads only what is waiting, however many cases the centre holds.
 */
export class TableProjections implements ProjectionQueue {
  constructor(private readonly table: EntityTable) {}

  async mark(mark: ProjectionMark): Promise<void> {
    await this.table.upsert(rowOf(mark));
  }

  async due(limit: number): Promise<readonly ProjectionMark[]> {
    const page = await this.table.page({ partitionKey: DUE }, { top: limit });
    return page.items.slice(0, limit).map(markOf);
  }

  async clear(marks: readonly ProjectionMark[]): Promise<void> {
    for (let at = 0; at < marks.length; at += MAX_TRANSACTION_CHANGES) {
      const chunk = marks.slice(at, at + MAX_TRANSACTION_CHANGES);
      try {
        await this.table.transact(chunk.map((m) => ({ op: "delete", partitionKey: DUE, rowKey: rowKeyOf(m) })));
      } catch (error) {
        // A mark already cleared (another projector got there first) fails the whole transaction: one by one.
        if (!(error instanceof NotFoundError)) throw error;
        for (const m of chunk) await this.table.delete(DUE, rowKeyOf(m));
      }
    }
  }

  async forgetCase(caseId: string): Promise<void> {
    // A case's marks share the prefix `<case>~`, then digits, which sort before a second `~`.
    const prefix = `${encodeKey(caseId)}~`;
    const marks: ProjectionMark[] = [];
    for await (const row of scan(this.table, { partitionKey: DUE, rowKeyFrom: prefix, rowKeyBefore: `${prefix}~` })) {
      marks.push(markOf(row));
    }
    await this.clear(marks);
  }
}
