import { confirmReferrer } from "../app/confirm-referrer.js";
import { rebuildIndexes } from "../app/rebuild-indexes.js";
import { appDepsFromConfig } from "../compose/app-deps-from-config.js";
import { loadConfig } from "../compose/config.js";
import { createLogger } from "../logging/logger.js";
import { systemClock } from "../compose/system-clock.js";
import { CliRefusedError, CliUsageError } from "./errors.js";
import { parseOptions, required } from "./options.js";

export const TRIAGE_USAGE = "fc triage";
export const REBUILD_INDEXES_USAGE = "fc rebuild-indexes";
export const CONFIRM_REFERRER_USAGE =
  "fc confirm-referrer --case <FC-…> --contact <id> --email <address> [--name <name>] [--organisation <org>] --by <staff id>";

type Env = Readonly<Record<string, string | undefined>>;

async function compose(env: Env) {
  const config = loadConfig(env);
  // The CLI's own log lines go to stderr so that stdout stays machine-readable.
  return appDepsFromConfig(
    config,
    createLogger((line) => process.stderr.write(`${line}\n`)),
    systemClock,
  );
}

/** Contacts whose original referrer a duty worker must confirm before the acknowledgement (1.2) goes. */
export async function triage(args: readonly string[], env: Env): Promise<string> {
  if (args.length > 0) throw new CliUsageError(`takes no options. Usage: ${TRIAGE_USAGE}`);
  const { deps } = await compose(env);
  const lines: string[] = [];
  let continuation: string | undefined;
  do {
    const page = await deps.worklists.list("triage", { top: 100, continuation });
    for (const entry of page.items) {
      const stored = await deps.cases.getCase(entry.caseId);
      for (const contact of stored.contacts.filter((c) => !c.isFollowUp && c.referrer?.confirmed !== true)) {
        lines.push(JSON.stringify({ case: entry.caseId, contact: contact.id, candidate: contact.referrer ?? null }));
      }
    }
    continuation = page.continuation;
  } while (continuation !== undefined);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** Confirms (or corrects) a contact's original referrer and releases its held acknowledgement (1.2). */
export async function confirmReferrerCommand(args: readonly string[], env: Env): Promise<string> {
  const usage = CONFIRM_REFERRER_USAGE;
  const values = parseOptions(
    args,
    {
      case: { type: "string" },
      contact: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      organisation: { type: "string" },
      by: { type: "string" },
    },
    usage,
  );
  const caseId = required(values.case, "--case", usage);
  const contact = required(values.contact, "--contact", usage);
  const email = required(values.email, "--email", usage);
  const by = required(values.by, "--by", usage);
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) throw new CliUsageError(`"${email}" is not an email address.`);
  const { deps } = await compose(env);
  const result = await confirmReferrer(
    deps,
    caseId,
    contact,
    { actor: { kind: "staff", id: by }, roles: ["admin"] },
    {
      email,
      ...(values.name ? { name: values.name } : {}),
      ...(values.organisation ? { organisation: values.organisation } : {}),
    },
  );
  if (result.status === "refused") throw new CliRefusedError(result.code, result.message);
  const acknowledgementReleased = result.status === "recorded" && result.acknowledgementReleased;
  return `${JSON.stringify({ case: caseId, contact, acknowledgementReleased })}\n`;
}

/** Worklists, deadline index and compliance figures recomputed from every case (one JSON line of counts). */
export async function rebuildIndexesCommand(args: readonly string[], env: Env): Promise<string> {
  if (args.length > 0) throw new CliUsageError(`takes no options. Usage: ${REBUILD_INDEXES_USAGE}`);
  const { deps } = await compose(env);
  return `${JSON.stringify(await rebuildIndexes(deps, deps.clock.now()))}\n`;
}

export const STORE_COMMANDS: Record<string, (args: readonly string[], env: Env) => Promise<string>> = {
  triage,
  "confirm-referrer": confirmReferrerCommand,
  "rebuild-indexes": rebuildIndexesCommand,
};
