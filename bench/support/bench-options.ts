import type { MailboxLimitSettings } from "../../dev/m365/mailbox-limits.js";
import type { CentresSizes } from "../centres.js";
import type { TabApiSizes } from "../tab-api.js";

export const PHASES = ["parse", "ingest", "throttled", "nudge", "panel", "tab-api"] as const;
/** `centres` runs only when asked for (`--centres N`): two instances and N mailboxes, apart from the others. */
export type Phase = (typeof PHASES)[number] | "centres";

export interface BenchSizes {
  readonly ingest: { throughputEmails: number; latencySeconds: number; latencyRatePerSecond: number };
  readonly throttled: { emails: number; limits: MailboxLimitSettings };
  readonly nudge: readonly number[];
  readonly panel: { contacts: number; deciders: number };
  readonly tabApi: TabApiSizes;
  readonly centres: CentresSizes;
}

export interface BenchOptions {
  readonly quick: boolean;
  /** The phases asked for with `--only`; undefined runs them all. */
  readonly only?: readonly Phase[];
  readonly phases: readonly Phase[];
  readonly sizes: BenchSizes;
  /** The command line that reproduces this run. */
  readonly command: string;
}

const QUICK: BenchSizes = {
  ingest: { throughputEmails: 104, latencySeconds: 10, latencyRatePerSecond: 5 },
  throttled: { emails: 104, limits: { requestsPerWindow: 30, windowMs: 10_000, concurrent: 4 } },
  nudge: [10_000, 1_000],
  panel: { contacts: 20, deciders: 10 },
  tabApi: { cases: 1_000, requestsPerView: 10, history: { open: 200, years: 1, practitioners: 12 } },
  centres: { centres: 4, emailsPerMailbox: 3 },
};

/**
 * Sized so that every phase together fits in 25 minutes on a 2-core machine. Ingest takes 10,000 emails, so a
 * contact that costs more as the store grows shows between its first thousand and its last.
 */
const FULL: BenchSizes = {
  ingest: { throughputEmails: 10_000, latencySeconds: 60, latencyRatePerSecond: 5 },
  // Half Graph's rate (10,000 requests per 10 minutes), so that the limit, not the intake, sets the pace.
  throttled: { emails: 1_000, limits: { requestsPerWindow: 250, windowMs: 30_000, concurrent: 4 } },
  nudge: [100_000, 10_000],
  panel: { contacts: 40, deciders: 20 },
  // Three years of a centre's contacts: 800 still open (screening, MAAM, Pre-Allocation List, 30 practitioners' cases).
  tabApi: { cases: 10_000, requestsPerView: 30, history: { open: 800, years: 3, practitioners: 30 } },
  // Ten a mailbox at once: within the 30 letters a minute Exchange lets each mailbox send.
  centres: { centres: 20, emailsPerMailbox: 10 },
};

const valueOf = (args: readonly string[], flag: string): string | undefined => {
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  const arg = args[i] ?? "";
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[i + 1];
};

/**
 * Reads `--quick`, `--only a,b`, `--emails N` and `--centres N` (the centres phase alone, N mailboxes); anything it
 * cannot use is an error that says what is allowed.
 */
export function benchOptions(args: readonly string[]): BenchOptions {
  const quick = args.includes("--quick");
  const onlyArg = valueOf(args, "--only");
  const only = onlyArg?.split(",").map((p) => p.trim());
  const unknown = only?.filter((p) => !(PHASES as readonly string[]).includes(p)) ?? [];
  if (unknown.length > 0) throw new Error(`--only takes ${PHASES.join(", ")}; not ${unknown.join(", ")}`);
  const emailsArg = valueOf(args, "--emails");
  const emails = emailsArg === undefined ? undefined : Number(emailsArg);
  if (emails !== undefined && !(Number.isInteger(emails) && emails > 0))
    throw new Error(`--emails takes a whole number of emails; not ${emailsArg}`);
  const centresArg = valueOf(args, "--centres");
  const centres = centresArg === undefined ? undefined : Number(centresArg);
  if (centres !== undefined && !(Number.isInteger(centres) && centres >= 2 && centres <= 50))
    throw new Error(`--centres takes a number of centres from 2 to 50; not ${centresArg}`);
  if (centres !== undefined && only !== undefined) throw new Error("--centres runs the centres phase alone: no --only");
  const base = quick ? QUICK : FULL;
  const withEmails = emails === undefined ? base : { ...base, ingest: { ...base.ingest, throughputEmails: emails } };
  const sizes: BenchSizes =
    centres === undefined ? withEmails : { ...withEmails, centres: { ...withEmails.centres, centres } };
  const phases: readonly Phase[] = centres !== undefined ? ["centres"] : ((only as Phase[] | undefined) ?? PHASES);
  return {
    quick,
    ...(only ? { only: only as Phase[] } : {}),
    phases,
    sizes,
    command: ["npm run bench", ...(args.length > 0 ? ["--", ...args] : [])].join(" "),
  };
}
