import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { BackupError, backupFromConfig, TABLE_NAMES, type BackupRow } from "../compose/backup-from-config.js";
import { loadConfig } from "../compose/config.js";
import { CliUsageError } from "./errors.js";
import { parseOptions, required } from "./options.js";

export const EXPORT_USAGE = "fc export --centre <centre name> --out <file.jsonl.gz>";
export const IMPORT_USAGE = "fc import --centre <centre name> --in <file.jsonl.gz>";
const FORMAT = "fc-backup";
const VERSION = 1;

type Env = Readonly<Record<string, string | undefined>>;

/** The first line of a backup: which centre and when, so a restore never lands in the wrong centre's tables. */
interface BackupHeader {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly centre: string;
  readonly exportedAt: string;
  readonly tables: readonly string[];
}

/** The operator names the centre (its name or id): an export or import is never of the wrong one. */
async function backupOf(env: Env, named: string) {
  const config = loadConfig(env);
  const centre = config.centres.find((c) => c.mailbox.centreName === named || c.id === named);
  if (centre === undefined) {
    const served = config.centres.map((c) => `"${c.mailbox.centreName}"`).join(", ");
    throw new BackupError(
      "BACKUP.WRONG_CENTRE",
      `These settings serve ${served}, not "${named}": check FC_CENTRE_NAME (or FC_CENTRES_FILE) and the storage settings.`,
    );
  }
  return backupFromConfig(config, centre);
}

/** Every row of every table into a gzipped JSON-lines file: the header, then one `{ table, row }` a line. */
export async function exportCommand(args: readonly string[], env: Env): Promise<string> {
  const values = parseOptions(args, { centre: { type: "string" }, out: { type: "string" } }, EXPORT_USAGE);
  const centre = required(values.centre, "--centre", EXPORT_USAGE);
  const out = required(values.out, "--out", EXPORT_USAGE);
  const backup = await backupOf(env, centre);
  const gzip = createGzip();
  const file = gzip.pipe(createWriteStream(out, { flags: "wx", mode: 0o600 }));
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, "drain");
  };
  const header: BackupHeader = {
    format: FORMAT,
    version: VERSION,
    centre,
    exportedAt: new Date().toISOString(),
    tables: TABLE_NAMES,
  };
  await write(header);
  const counts: Record<string, number> = {};
  for await (const row of backup.rows()) {
    counts[row.table] = (counts[row.table] ?? 0) + 1;
    await write(row);
  }
  gzip.end();
  await finished(file);
  return `${JSON.stringify({ out, rows: counts })}\n`;
}

async function* linesOf(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== "") yield line;
}

/** A backup file's rows, after its header is checked to be a backup of this centre. */
async function* backupFile(path: string, centre: string): AsyncGenerator<BackupRow> {
  let header: BackupHeader | undefined;
  for await (const line of linesOf(path)) {
    if (header === undefined) {
      header = JSON.parse(line) as BackupHeader;
      if (header.format !== FORMAT || header.version !== VERSION) {
        throw new BackupError("BACKUP.BAD_FILE", `${path} is not an fc export (format ${FORMAT} ${VERSION}).`);
      }
      if (header.centre !== centre) {
        throw new BackupError("BACKUP.WRONG_CENTRE", `${path} is a backup of "${header.centre}", not "${centre}".`);
      }
      continue;
    }
    yield JSON.parse(line) as BackupRow;
  }
  if (header === undefined) throw new BackupError("BACKUP.BAD_FILE", `${path} is empty.`);
}

/** Restores an `fc export` file into the configured centre's tables, which must be empty. */
export async function importCommand(args: readonly string[], env: Env): Promise<string> {
  const values = parseOptions(args, { centre: { type: "string" }, in: { type: "string" } }, IMPORT_USAGE);
  const centre = required(values.centre, "--centre", IMPORT_USAGE);
  const path = required(values.in, "--in", IMPORT_USAGE);
  if (!path.endsWith(".gz")) throw new CliUsageError(`--in takes the .jsonl.gz file fc export wrote.`);
  const backup = await backupOf(env, centre);
  const counts = await backup.restore(backupFile(path, centre));
  return `${JSON.stringify({ in: path, rows: counts })}\n`;
}
