import { loadConfig } from "../compose/config.js";
import { migrateFromConfig } from "../compose/migrate-from-config.js";
import { parseOptions } from "./options.js";

export const MIGRATE_USAGE = "fc migrate [--centre <id>]";

type Env = Readonly<Record<string, string | undefined>>;

/** Moves a one-centre deployment's tables into its centre's (the first configured); run once, with the service stopped. */
export async function migrateCommand(args: readonly string[], env: Env): Promise<string> {
  const values = parseOptions(args, { centre: { type: "string" } }, MIGRATE_USAGE);
  const migrated = await migrateFromConfig(loadConfig(env), values.centre);
  return `${JSON.stringify(migrated)}\n`;
}
