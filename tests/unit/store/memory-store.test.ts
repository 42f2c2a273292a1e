import { describe } from "vitest";
import type { EntityTable } from "../../../src/store/entity-table.js";
import { memoryAppendBlobs } from "../../../src/store/memory/memory-append-blobs.js";
import { memoryEntityTable } from "../../../src/store/memory/memory-entity-table.js";
import { storeOver, type TableName } from "../../../src/store/store.js";
import { storeContract } from "../../integration/store/store.contract.js";

/** The fake must keep the Azure adapter's promises, so it runs the very same contract. */
async function fresh() {
  const tables = new Map<TableName, EntityTable>();
  const raw = (name: TableName): EntityTable => {
    const table = tables.get(name) ?? memoryEntityTable(name);
    tables.set(name, table);
    return table;
  };
  return { store: storeOver(raw, memoryAppendBlobs()), raw };
}

describe("in-memory store", () => {
  storeContract(fresh);
});
