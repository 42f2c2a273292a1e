import { TableClient, type TableTransaction } from "@azure/data-tables";
import { encodeKey, isoInstant } from "../../src/store/keys.js";

export interface SeededClock {
  readonly caseId: string;
  readonly rule: string;
  readonly dueAt: Date;
  readonly workerId?: string;
}

const BATCH = 100; // Azure's entity-group transaction limit, all in one partition
const PARALLEL = 16;

/**
 * Writes deadline index rows straight into the `Deadlines` table, in the layout `TableDeadlines` reads (partition
 * = UTC month of the due instant, row key led by the instant), in parallel entity-group transactions. Only the
 * index the nudge scan reads is seeded, not the cases behind it.
 */
export async function seedDeadlines(
  connectionString: string,
  clocks: Iterable<SeededClock>,
  tablePrefix = "",
): Promise<number> {
  const client = TableClient.fromConnectionString(connectionString, `${tablePrefix}Deadlines`, {
    allowInsecureConnection: true,
  });
  await client.createTable();
  const byMonth = new Map<string, Array<Record<string, unknown> & { partitionKey: string; rowKey: string }>>();
  let count = 0;
  for (const clock of clocks) {
    const dueAt = isoInstant(clock.dueAt);
    const partitionKey = dueAt.slice(0, 7);
    const rows = byMonth.get(partitionKey) ?? [];
    rows.push({
      partitionKey,
      rowKey: [dueAt, clock.caseId, clock.rule, "1", "expected"].map(encodeKey).join("~"),
      caseId: clock.caseId,
      rule: clock.rule,
      instance: 1,
      threshold: "expected",
      dueAt,
      ...(clock.workerId === undefined ? {} : { workerId: clock.workerId }),
    });
    byMonth.set(partitionKey, rows);
    count++;
  }
  const batches: Array<Array<Record<string, unknown> & { partitionKey: string; rowKey: string }>> = [];
  for (const rows of byMonth.values())
    for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      const actions: TableTransaction["actions"] = batch.map((entity) => ["create", entity]);
      await client.submitTransaction(actions);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return count;
}
