import { workerList, worklistsFor, type WorklistName } from "../domain/worklists.js";
import type { CaseState } from "../domain/case.js";
import type { ContactKind } from "../domain/contact.js";
import type {
  IndexWriteOptions,
  Page,
  WorkerCaseload,
  WorklistCase,
  WorklistEntry,
  Worklists,
} from "../ports/indexes.js";
import { rebuildCaseRows, replaceCaseRows, forgetCaseRows } from "./case-index.js";
import { type Entity, type EntityTable, jsonOf, scan, stringOf } from "./entity-table.js";
import { decodeKey, encodeCompositeKey, encodeKey } from "./keys.js";

const WORKER_LISTS = workerList("");

function entryRows(kase: WorklistCase): Entity[] {
  return worklistsFor(kase).map((list) => ({
    partitionKey: encodeCompositeKey(list),
    rowKey: encodeKey(kase.id),
    list,
    caseId: kase.id,
    state: kase.state,
    kind: kase.kind,
    openedAt: kase.openedAt,
    summary: kase.summary,
    leadWorkerId: kase.leadWorkerId,
    // Only a worker's list is read for its clocks (the team view); a few dozen instants at most.
    clockDues: list.startsWith(WORKER_LISTS) && kase.clockDues ? JSON.stringify(kase.clockDues) : undefined,
  }));
}

function entryOf(row: Entity): WorklistEntry {
  const summary = stringOf(row, "summary");
  const leadWorkerId = stringOf(row, "leadWorkerId");
  return {
    list: stringOf(row, "list") as WorklistName,
    caseId: stringOf(row, "caseId") ?? "",
    state: stringOf(row, "state") as CaseState,
    kind: stringOf(row, "kind") as ContactKind,
    openedAt: stringOf(row, "openedAt") ?? "",
    ...(summary === undefined ? {} : { summary }),
    ...(leadWorkerId === undefined ? {} : { leadWorkerId }),
  };
}

/** Azure `Worklists` table: one partition per queue, one row per case on it; derived from `Cases`. */
export class TableWorklists implements Worklists {
  constructor(private readonly table: EntityTable) {}

  forgetCase(caseId: string): Promise<void> {
    return forgetCaseRows(this.table, caseId);
  }

  sync(kase: WorklistCase, options?: IndexWriteOptions): Promise<void> {
    return replaceCaseRows(this.table, kase.id, kase.lastSeq, entryRows(kase), options);
  }

  async list(name: WorklistName, options?: { top?: number; continuation?: string }): Promise<Page<WorklistEntry>> {
    const page = await this.table.page({ partitionKey: encodeCompositeKey(name) }, options);
    return {
      items: page.items.map(entryOf),
      ...(page.continuation === undefined ? {} : { continuation: page.continuation }),
    };
  }

  async workerCaseloads(): Promise<ReadonlyMap<string, WorkerCaseload>> {
    const caseloads = new Map<string, { cases: number; clockDues: string[] }>();
    // Every worker list's partition, and nothing else: `worker~<id>` sorts after `worker~` and before `worker` + DEL.
    const workerLists = { partitionKeyFrom: WORKER_LISTS, partitionKeyBefore: "worker\u007f" };
    for await (const row of scan(this.table, workerLists)) {
      const staffId = decodeKey(row.partitionKey).slice(WORKER_LISTS.length);
      const caseload = caseloads.get(staffId) ?? { cases: 0, clockDues: [] };
      caseload.cases += 1;
      caseload.clockDues.push(...(jsonOf<string[]>(row, "clockDues") ?? []));
      caseloads.set(staffId, caseload);
    }
    return caseloads;
  }

  async rebuild(cases: AsyncIterable<WorklistCase>): Promise<void> {
    const truth = new Map<string, { version: number; rows: Entity[] }>();
    for await (const kase of cases) truth.set(kase.id, { version: kase.lastSeq, rows: entryRows(kase) });
    await rebuildCaseRows(this.table, truth);
  }
}
