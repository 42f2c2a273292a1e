import { DefaultAzureCredential } from "@azure/identity";
import type { Config } from "./config.js";
import { createTableStore } from "../store/create-table-store.js";
import type { Store } from "../store/store.js";

/** Azure Table Storage by managed identity (account URL) or connection string (Azurite locally). */
export function storeFromConfig(config: Config): Promise<Store> {
  const { connectionString, accountUrl, tablePrefix } = config.storage;
  const connection =
    accountUrl !== undefined ? { accountUrl, credential: new DefaultAzureCredential() } : (connectionString ?? "");
  return createTableStore(connection, { allowInsecureConnection: config.mode === "local", tablePrefix });
}
