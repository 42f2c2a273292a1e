import type { Config } from "./config.js";
import { azureCredential } from "./credential-from-config.js";
import { createTableStore } from "../store/create-table-store.js";
import type { Store } from "../store/store.js";

/**
 * Azure Table Storage by the service's own identity (account URL: managed identity, or the app registration's
 * secret) or by connection string (Azurite locally). A user-assigned identity (infra/ gives the app one and no
 * system identity) is named, or no token is issued.
 */
export function storeFromConfig(config: Config): Promise<Store> {
  const { connectionString, accountUrl, tablePrefix } = config.storage;
  let connection: Parameters<typeof createTableStore>[0] = connectionString ?? "";
  if (accountUrl !== undefined) {
    const credential = azureCredential(config.graph);
    // config.ts refuses an account URL without an identity; this keeps the types honest.
    if (credential === undefined) throw new Error("FC_STORAGE_ACCOUNT_URL needs an identity to reach it by.");
    connection = { accountUrl, credential };
  }
  return createTableStore(connection, { allowInsecureConnection: config.mode === "local", tablePrefix });
}
