import type { Config } from "./config.js";
import { storageConnectionFromConfig } from "./storage-connection-from-config.js";
import { createCountyStore, type CountyStore } from "../store/county-store.js";

/** The county's own tables, beside every centre's, in the same account and under the same prefix. */
export function countyStoreFromConfig(config: Config): Promise<CountyStore> {
  return createCountyStore(storageConnectionFromConfig(config), {
    allowInsecureConnection: config.mode === "local",
    tablePrefix: config.storage.tablePrefix,
  });
}
