import type { Clock } from "../ports/clock.js";
import type { LeaseStates, Reachable } from "../ports/health.js";
import type { RecordStore, SyncState } from "../ports/records.js";
import { SUBSCRIPTION_KEY } from "./mail-keys.js";

export interface ReadinessDeps {
  readonly sync: RecordStore<SyncState>;
  readonly leaseStates: LeaseStates;
  /** The mailbox through Graph. */
  readonly mailbox: Reachable;
  readonly clock: Clock;
}

export type ReadinessCheck = "storage" | "graph" | "subscription" | "leases";

/** Codes only: readiness is answered to anyone, so it never says which host, id or expiry. */
export type CheckOutcome = "ok" | "unreachable" | "timed-out" | "missing" | "expired" | "stuck" | "not-checked";

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<ReadinessCheck, CheckOutcome>>;
}

/** A probe must answer before a load balancer gives up on it; a dependency slower than this counts as down. */
export const READINESS_TIMEOUT_MS = 5_000;

const TIMED_OUT = Symbol("timed-out");

async function within<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs).unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Settles a check to an outcome: a rejection is `unreachable`, no answer in time is `timed-out`. */
async function outcomeOf<T>(
  work: () => Promise<T>,
  judge: (value: T) => CheckOutcome,
  timeoutMs: number,
): Promise<CheckOutcome> {
  try {
    const value = await within(work(), timeoutMs);
    return value === TIMED_OUT ? "timed-out" : judge(value);
  } catch {
    return "unreachable";
  }
}

/**
 * Whether this instance can do its work now: the tables answer, Graph answers for the mailbox, the inbox
 * subscription has not lapsed (else mail arrives only at the safety-net round) and no job lease is stuck. The
 * subscription is read from the tables, so it is judged only when they answered.
 */
export async function checkReadiness(deps: ReadinessDeps, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const now = deps.clock.now();
  let subscription: CheckOutcome = "not-checked";
  const [storage, graph, leases] = await Promise.all([
    outcomeOf(
      () => deps.sync.get(SUBSCRIPTION_KEY),
      (stored) => {
        const expiresAt = Date.parse(stored?.value.subscriptionExpiresAt ?? "");
        subscription = Number.isNaN(expiresAt) ? "missing" : expiresAt > now.getTime() ? "ok" : "expired";
        return "ok";
      },
      timeoutMs,
    ),
    outcomeOf(
      () => deps.mailbox.ping(),
      () => "ok",
      timeoutMs,
    ),
    outcomeOf(
      () => deps.leaseStates.leaseStates(now),
      (states) => (states.includes("stuck") ? "stuck" : "ok"),
      timeoutMs,
    ),
  ]);
  const checks = { storage, graph, subscription, leases };
  return { ready: Object.values(checks).every((outcome) => outcome === "ok"), checks };
}

/** Outcomes from best to worst: several centres' readiness is each check's worst. */
const SEVERITY: readonly CheckOutcome[] = [
  "ok",
  "not-checked",
  "missing",
  "expired",
  "stuck",
  "timed-out",
  "unreachable",
];

/** The service is ready when every centre is: each check is the worst any centre's was. */
export function worstReadiness(all: readonly Readiness[]): Readiness {
  const worst = (check: ReadinessCheck): CheckOutcome =>
    all.map((r) => r.checks[check]).reduce((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a), "ok");
  const checks = {
    storage: worst("storage"),
    graph: worst("graph"),
    subscription: worst("subscription"),
    leases: worst("leases"),
  };
  return { ready: all.every((r) => r.ready), checks };
}
