import type { Config } from "./config.js";
import { azureCredential } from "./credential-from-config.js";
import { TABLE_NAMES } from "../store/store.js";
import { BackupError, backupRows, backupTables, restoreRows, type BackupRow } from "../store/table-backup.js";

export { BackupError, TABLE_NAMES, type BackupRow };

/** Backup and restore of the centre's tables as configured (the same account and prefix as the service). */
export async function backupFromConfig(config: Config) {
  const { connectionString, accountUrl, tablePrefix } = config.storage;
  let connection: Parameters<typeof backupTables>[0] = connectionString ?? "";
  if (accountUrl !== undefined) {
    const credential = azureCredential(config.graph);
    if (credential === undefined) throw new Error("FC_STORAGE_ACCOUNT_URL needs an identity to reach it by.");
    connection = { accountUrl, credential };
  }
  const tableFor = await backupTables(connection, { allowInsecureConnection: config.mode === "local", tablePrefix });
  return {
    rows: () => backupRows(tableFor),
    restore: (rows: AsyncIterable<BackupRow>) => restoreRows(tableFor, rows),
  };
}
