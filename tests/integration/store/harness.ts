import type { EntityTable } from "../../../src/store/entity-table.js";
import type { Store, TableName } from "../../../src/store/store.js";

/** A fresh, empty store, plus raw access to its tables so a test can damage them on purpose. */
export interface StoreHarness {
  readonly store: Store;
  raw(name: TableName): EntityTable;
}

export type MakeHarness = () => Promise<StoreHarness>;
