import { holdsOneCentreData, migrateOneCentre, type OneCentreMigration } from "../store/one-centre-tables.js";
import { ConfigError, type CentreConfig, type Config } from "./config.js";
import { storageConnectionFromConfig } from "./storage-connection-from-config.js";

const tablesOf = (config: Config) => ({
  allowInsecureConnection: config.mode === "local",
  tablePrefix: config.storage.tablePrefix,
});

/**
 * Refuses to start over a one-centre deployment's tables (from before centres): its cases would be unseen and its
 * Inbox read again from the start. `fc migrate` moves them into a centre's tables once.
 */
export async function refuseUnmigratedData(config: Config): Promise<void> {
  if (await holdsOneCentreData(storageConnectionFromConfig(config), tablesOf(config))) {
    throw new ConfigError([
      `storage: holds a one-centre deployment's tables (${config.storage.tablePrefix}Cases…, from before centres). ` +
        `Stop every instance and run \`npm run fc -- migrate\` once: it moves them into the first centre's tables ` +
        `(${config.storage.tablePrefix}${config.centres[0].id}Cases…).`,
    ]);
  }
}

/**
 * Moves a one-centre deployment's rows into the first centre's tables. Only the first: the access audit appended
 * before centres stays where it was written (append blobs never move), and the first centre is the one that reads it.
 */
export async function migrateFromConfig(
  config: Config,
  named?: string,
): Promise<OneCentreMigration & { centre: string }> {
  const [first] = config.centres;
  const centre: CentreConfig = first;
  if (named !== undefined && named !== first.id) {
    throw new ConfigError([
      `--centre ${named}: a one-centre deployment moves into the first centre (${first.id}), which also reads its ` +
        `access audit: list ${named} first in FC_CENTRES_FILE, or leave --centre out`,
    ]);
  }
  const migrated = await migrateOneCentre(storageConnectionFromConfig(config), {
    ...tablesOf(config),
    centre: centre.id,
  });
  return { centre: centre.id, ...migrated };
}
