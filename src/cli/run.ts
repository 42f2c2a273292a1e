import { EXPORT_USAGE, exportCommand, IMPORT_USAGE, importCommand } from "./backup-commands.js";
import type { ReadFile } from "./calendar-options.js";
import { COUNTY_STAFF_USAGE, countyStaffCommand } from "./county-staff-command.js";
import { due, DUE_USAGE } from "./due.js";
import { CliUsageError } from "./errors.js";
import { holidays, HOLIDAYS_USAGE } from "./holidays.js";
import { migrateCommand, MIGRATE_USAGE } from "./migrate-command.js";
import { rules, RULES_USAGE } from "./rules.js";
import { CONFIRM_REFERRER_USAGE, REBUILD_INDEXES_USAGE, STORE_COMMANDS, TRIAGE_USAGE } from "./store-commands.js";

const EXIT_OK = 0;
/** A known problem with the data or a file: the message says what to fix. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const COMMANDS: Record<string, (args: readonly string[], readFile: ReadFile) => string> = { due, rules, holidays };

const HELP = `Usage: fc <command> [options]

  ${DUE_USAGE}
      When a clock started at that instant is expected and at the latest due (one JSON line).
  ${RULES_USAGE}
      Every rule of a practice framework, with its timescales and citation.
  ${HOLIDAYS_USAGE}
      The bank holidays and closure days the working-day calendar uses.
  ${TRIAGE_USAGE}
      Contacts whose original referrer must be confirmed before they are acknowledged (JSON lines).
  ${CONFIRM_REFERRER_USAGE}
      Confirms who referred a contact and releases its acknowledgement (uses the service's FC_* settings).
  ${REBUILD_INDEXES_USAGE}
      Recomputes worklists, the deadline index and the compliance figures from every case (JSON counts).
  ${EXPORT_USAGE}
      Backs up every row of every table to a gzipped JSON-lines file (Azure Tables has no point-in-time restore).
  ${IMPORT_USAGE}
      Restores such a file into the centre's tables, which must be empty (a new account or table prefix).
  ${MIGRATE_USAGE}
      Moves a one-centre deployment's tables (from before centres) into the first centre's; once, service stopped.
  ${COUNTY_STAFF_USAGE}
      Puts a person on the county's staff list: a county manager reads every centre's compliance and team views.
`;

/** The operator CLI without its process: arguments in, output and exit code out. */
export async function runCli(
  argv: readonly string[],
  readFile: ReadFile,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliResult> {
  const [name, ...args] = argv;
  if (name === "help" || name === "--help") return { exitCode: EXIT_OK, stdout: HELP, stderr: "" };
  if (name === undefined) return { exitCode: EXIT_USAGE, stdout: "", stderr: HELP };
  const command = COMMANDS[name];
  const storeCommand = {
    ...STORE_COMMANDS,
    export: exportCommand,
    import: importCommand,
    migrate: migrateCommand,
    "county-staff": countyStaffCommand,
  }[name];
  if (command === undefined && storeCommand === undefined) {
    return { exitCode: EXIT_USAGE, stdout: "", stderr: `fc: there is no command "${name}".\n\n${HELP}` };
  }
  try {
    const stdout = command
      ? command(args, readFile)
      : await (storeCommand as NonNullable<typeof storeCommand>)(args, env);
    return { exitCode: EXIT_OK, stdout, stderr: "" };
  } catch (error) {
    if (error instanceof CliUsageError) {
      return { exitCode: EXIT_USAGE, stdout: "", stderr: `fc ${name}: ${error.message}\n` };
    }
    if (hasServiceCode(error)) {
      return { exitCode: EXIT_FAILED, stdout: "", stderr: `fc ${name}: ${error.message} (${error.code})\n` };
    }
    // Anything else is a bug: let Node print the stack.
    throw error;
  }
}

/** Our typed errors (CALENDAR.BAD_HOLIDAY_FILE, POLICY.INVALID_PROFILE…) carry a message that says what to fix. */
const hasServiceCode = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && "code" in error && typeof error.code === "string" && /^[A-Z]+\.[A-Z_]+$/.test(error.code);
