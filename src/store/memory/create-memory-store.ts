import { type Store, storeOver } from "../store.js";
import { memoryAppendBlobs } from "./memory-append-blobs.js";
import { memoryEntityTable } from "./memory-entity-table.js";

/** The same repositories over in-memory tables with Azure's conflict rules: for fast tests elsewhere. */
export function createMemoryStore(): Store {
  return storeOver(memoryEntityTable, memoryAppendBlobs());
}
