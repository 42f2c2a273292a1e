import type { CentreConfig, Config } from "./config.js";
import { storageConnectionFromConfig } from "./storage-connection-from-config.js";
import { createTableStore } from "../store/create-table-store.js";
import type { Store } from "../store/store.js";

/**
 * Azure Table Storage and the access audit's append blobs by the service's own identity (account URLs: managed
 * identity, or the app registration's secret) or by connection string (Azurite locally). A user-assigned identity
 * (infra/ gives the app one and no system identity) is named, or no token is issued.
 */
export function storeFromConfig(config: Config, centre: CentreConfig): Promise<Store> {
  return createTableStore(storageConnectionFromConfig(config), {
    allowInsecureConnection: config.mode === "local",
    tablePrefix: config.storage.tablePrefix,
    centre: centre.id,
    // The first centre is the one a one-centre deployment was migrated into (fc migrate).
    readsOneCentreAudit: centre === config.centres[0],
  });
}
