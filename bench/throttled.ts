import type { MailboxLimitSettings } from "../dev/m365/mailbox-limits.js";
import { BENCH_SERVICE_ENV, runPhase } from "./ingest.js";
import { startBenchStack } from "./support/stack.js";

export interface ThrottledResult {
  readonly limits: MailboxLimitSettings;
  readonly emails: number;
  readonly acknowledgements: number;
  readonly acksPerMinute: number;
  readonly bestAcksPerMinute: number;
  readonly shareOfLimit: number;
  readonly failedContacts: number;
  readonly throttledResponses: number;
}

/**
 * Ingest with the stand-in enforcing mailbox limits. Best rate = the window's requests per minute ÷ the Graph
 * requests one acknowledgement costs unthrottled; the achieved rate is taken after the first window, whose
 * allowance is a one-off burst that no steady state can repeat.
 */
export async function benchThrottled(
  limits: MailboxLimitSettings,
  emails: number,
  /** What one acknowledgement costs unthrottled (the ingest phase's figure); measured here when not given. */
  graphRequestsPerAck: number | undefined,
  log: (line: string) => void,
): Promise<ThrottledResult> {
  log(
    `throttled: ${emails} emails; stand-in limits ${limits.requestsPerWindow} requests per ${limits.windowMs / 1000} s ` +
      `(${Math.round((limits.requestsPerWindow * 10_000) / limits.windowMs) / 10} requests/s; Graph's 10,000 per ` +
      `10 minutes, 16.7/s, with the window scaled down for time), ${limits.concurrent} concurrent`,
  );
  const stack = await startBenchStack({ mailboxLimits: limits, serviceEnv: BENCH_SERVICE_ENV });
  try {
    const startedAt = Date.now();
    const phase = await runPhase(stack, "x", emails, { concurrency: 4 }, log);
    const steadyFrom = startedAt + limits.windowMs;
    const times = phase.tracker.ackTimes().filter((t) => t >= steadyFrom);
    const last = times.at(-1);
    const acksPerMinute = last === undefined || last <= steadyFrom ? 0 : (times.length * 60_000) / (last - steadyFrom);
    const byStatus = Object.values(stack.standIn.stats().requests);
    const throttledResponses = byStatus.reduce((sum, counts) => sum + (counts["429"] ?? 0), 0);
    const answered = byStatus.reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0);
    const perAck = graphRequestsPerAck ?? (answered - throttledResponses) / Math.max(1, phase.tracker.acknowledged());
    const best = (limits.requestsPerWindow * 60_000) / limits.windowMs / perAck;
    const failures = phase.intake.failures();
    const unacknowledged = Math.max(0, phase.intake.acknowledgementsPlanned() - phase.tracker.acknowledged());
    return {
      limits,
      emails,
      acknowledgements: phase.tracker.acknowledged(),
      acksPerMinute: Math.round(acksPerMinute * 10) / 10,
      bestAcksPerMinute: Math.round(best * 10) / 10,
      shareOfLimit: Math.round((acksPerMinute / best) * 1000) / 1000,
      failedContacts: emails - phase.intake.handled() + unacknowledged + failures.outbox,
      throttledResponses,
    };
  } finally {
    await stack.close();
  }
}
