import { DefaultAzureCredential } from "@azure/identity";
import type { Config } from "./config.js";
import { createTableStore } from "../store/create-table-store.js";
import type { Store } from "../store/store.js";

/**
 * Azure Table Storage by managed identity (account URL) or connection string (Azurite locally). A user-assigned
 * identity (infra/ gives the app one and no system identity) must be named, or no token is issued.
 */
export function storeFromConfig(config: Config): Promise<Store> {
  const { connectionString, accountUrl, tablePrefix } = config.storage;
  const { useManagedIdentity, clientId } = config.graph;
  const identity = useManagedIdentity && clientId !== undefined ? { managedIdentityClientId: clientId } : {};
  const connection =
    accountUrl !== undefined
      ? { accountUrl, credential: new DefaultAzureCredential(identity) }
      : (connectionString ?? "");
  return createTableStore(connection, { allowInsecureConnection: config.mode === "local", tablePrefix });
}
