import type { Config } from "./config.js";
import { storageConnectionFromConfig } from "./storage-connection-from-config.js";
import { TABLE_NAMES } from "../store/store.js";
import { BackupError, backupRows, backupTables, restoreRows, type BackupRow } from "../store/table-backup.js";

export { BackupError, TABLE_NAMES, type BackupRow };

/** Backup and restore of the centre's tables as configured (the same account and prefix as the service). */
export async function backupFromConfig(config: Config) {
  const tableFor = await backupTables(storageConnectionFromConfig(config), {
    allowInsecureConnection: config.mode === "local",
    tablePrefix: config.storage.tablePrefix,
  });
  return {
    rows: () => backupRows(tableFor),
    restore: (rows: AsyncIterable<BackupRow>) => restoreRows(tableFor, rows),
  };
}
