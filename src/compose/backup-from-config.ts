import type { CentreConfig, Config } from "./config.js";
import { storageConnectionFromConfig } from "./storage-connection-from-config.js";
import { TABLE_NAMES } from "../store/store.js";
import { BackupError, backupRows, backupTables, restoreRows, type BackupRow } from "../store/table-backup.js";

export { BackupError, TABLE_NAMES, type BackupRow };

/**
 * Backup and restore of a centre's tables as configured (the same account and prefix as the service); without a
 * centre, the one-centre tables from before centres, which `fc migrate` moves into a centre's.
 */
export async function backupFromConfig(config: Config, centre: CentreConfig | undefined) {
  const tableFor = await backupTables(storageConnectionFromConfig(config), {
    allowInsecureConnection: config.mode === "local",
    tablePrefix: config.storage.tablePrefix,
    ...(centre === undefined ? {} : { centre: centre.id }),
  });
  return {
    rows: () => backupRows(tableFor),
    restore: (rows: AsyncIterable<BackupRow>) => restoreRows(tableFor, rows),
  };
}
