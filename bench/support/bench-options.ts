import type { MailboxLimitSettings } from "../../dev/m365/mailbox-limits.js";
import type { TabApiSizes } from "../tab-api.js";

export const PHASES = ["parse", "ingest", "throttled", "nudge", "panel", "tab-api"] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchSizes {
  readonly ingest: { throughputEmails: number; latencySeconds: number; latencyRatePerSecond: number };
  readonly throttled: { emails: number; limits: MailboxLimitSettings };
  readonly nudge: readonly number[];
  readonly panel: { contacts: number; deciders: number };
  readonly tabApi: TabApiSizes;
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
};

const valueOf = (args: readonly string[], flag: string): string | undefined => {
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  const arg = args[i] ?? "";
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[i + 1];
};

/** Reads `--quick`, `--only a,b` and `--emails N`; anything it cannot use is an error that says what is allowed. */
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
  const base = quick ? QUICK : FULL;
  const sizes: BenchSizes =
    emails === undefined ? base : { ...base, ingest: { ...base.ingest, throughputEmails: emails } };
  return {
    quick,
    ...(only ? { only: only as Phase[] } : {}),
    phases: (only as Phase[] | undefined) ?? PHASES,
    sizes,
    command: ["npm run bench", ...(args.length > 0 ? ["--", ...args] : [])].join(" "),
  };
}
