import { AckTracker } from "./support/ack-tracker.js";
import { IngestWindows, type IngestWindow } from "./support/ingest-windows.js";
import { cpuMs } from "./support/process-cpu.js";
import { IntakeLog } from "./support/intake-log.js";
import { MailMix } from "./support/mail-mix.js";
import { summarise, type LatencySummary } from "./support/percentiles.js";
import { sendAll } from "./support/send-paced.js";
import { startBenchStack, type BenchStack } from "./support/stack.js";
import { waitUntil } from "./support/wait.js";

export interface IngestSizes {
  /** Emails sent as fast as SMTP takes them, for contacts per second and the per-contact costs. */
  readonly throughputEmails: number;
  /** Seconds of a steady 5 emails per second, for acknowledgement latency. */
  readonly latencySeconds: number;
  readonly latencyRatePerSecond: number;
}

export interface IngestResult {
  readonly emails: number;
  readonly contacts: number;
  readonly contactsPerSecond: number;
  readonly ackLatencyMs: LatencySummary | null;
  readonly latencyEmails: number;
  readonly acknowledgements: number;
  readonly graphRequestsPerContact: number;
  readonly graphRequestsPerAck: number;
  readonly tableOpsPerContact: number;
  readonly tableOpsByKind: Readonly<Record<string, number>>;
  /** By table and kind: which table a growing count comes from. */
  readonly tableOpsByTable: Readonly<Record<string, number>>;
  /**
   * Per contact: queries within one partition, queries across partitions, and the rest (point reads, writes,
   * transactions). On Azure only the second grows with the table; Azurite scans the whole table for any query.
   */
  readonly tableOpsPerContactByReach: {
    readonly onePartitionQueries: number;
    readonly crossPartitionQueries: number;
    readonly pointReadsAndWrites: number;
  };
  /** The throughput run a thousand emails at a time (fewer for a short run): the first against the last. */
  readonly windows: readonly IngestWindow[];
  readonly graphRequestsByRoute: Readonly<Record<string, number>>;
  readonly peakRssMb: number | null;
  /** Emails of the throughput run not handled within its window (sent, never logged or ignored). */
  readonly unhandled: number;
  readonly lost: number;
  readonly duplicateContacts: number;
  readonly duplicateAcks: number;
}

/**
 * Enough for the mix's senders (the cap is a courtesy rule, not what is measured here), and a letter pace above
 * Exchange's 30 a minute: these phases measure the intake of one mailbox at hundreds of letters a minute, which the
 * stand-in does not limit (a real mailbox would send them at 30 a minute; `--centres` keeps within it).
 */
export const BENCH_SERVICE_ENV = { FC_MAX_ACKS_PER_SENDER_PER_DAY: "1000", FC_LETTERS_PER_MINUTE: "1000" } as const;

export interface Phase {
  readonly emails: number;
  readonly handledMs: number;
  readonly intake: IntakeLog;
  readonly tracker: AckTracker;
  readonly graphRequests: number;
  readonly graphByRoute: Record<string, number>;
  readonly tableOps: number;
  readonly tableOpsByKind: Readonly<Record<string, number>>;
  readonly tableOpsByTable: Readonly<Record<string, number>>;
  readonly queries: { readonly onePartition: number; readonly acrossPartitions: number };
  readonly windows: readonly IngestWindow[];
  readonly peakRssMb: number | null;
}

const defined = (key: string, value: number | undefined) => (value === undefined ? {} : { [key]: value });

/** A thousand emails a window, or half a shorter run. */
const WINDOW_EMAILS = 1_000;

/** Sends the mix, waits until every message is handled and every planned acknowledgement is in Sent Items. */
export async function runPhase(
  stack: BenchStack,
  runId: string,
  emails: number,
  pace: { perSecond?: number; concurrency?: number },
  log: (line: string) => void,
): Promise<Phase> {
  const intake = new IntakeLog();
  const tracker = new AckTracker(stack.standIn);
  const service = stack.service();
  intake.watch(service);
  const mix = new MailMix(runId);
  const graphBefore = stack.standIn.stats().requestsTotal;
  stack.tables.reset();
  const windows = new IngestWindows(
    intake,
    () => stack.tables.counts(),
    Math.min(WINDOW_EMAILS, Math.ceil(emails / 2)),
    () => ({ ...defined("service", cpuMs(service.pid)), ...defined("azurite", cpuMs(stack.azurite.tablePid)) }),
  );
  const progress = setInterval(
    () =>
      log(
        `  … sent ${sent}, handled ${intake.handled()}, acknowledged ${tracker.acknowledged()}/${intake.acknowledgementsPlanned()}`,
      ),
    10_000,
  );
  let sent = 0;
  const startedAt = await sendAll(
    emails,
    async () => {
      await stack.sendMail(mix.take().raw);
      sent++;
    },
    pace,
  );
  const settleMs = Math.max(120_000, emails * 100);
  await waitUntil(() => intake.handled() >= emails, settleMs);
  const handledMs = Date.now() - startedAt;
  const handledWindows = windows.stop();
  await waitUntil(() => tracker.acknowledged() >= intake.acknowledgementsPlanned(), 120_000);
  await waitUntil(() => false, 1500); // a second acknowledgement to the same message would show here
  tracker.stop();
  clearInterval(progress);
  const stats = stack.standIn.stats();
  const graphByRoute = Object.fromEntries(
    Object.entries(stats.requests).map(([route, byStatus]) => [route, Object.values(byStatus).reduce((a, b) => a + b)]),
  );
  const tables = stack.tables.counts();
  return {
    emails,
    handledMs,
    intake,
    tracker,
    graphRequests: stats.requestsTotal - graphBefore,
    graphByRoute,
    tableOps: tables.total,
    tableOpsByKind: tables.byKind,
    tableOpsByTable: Object.fromEntries(Object.entries(tables.byTable).sort(([a], [b]) => a.localeCompare(b))),
    queries: tables.queries,
    windows: handledWindows,
    peakRssMb: service.peakRssMb() ?? null,
  };
}

const per = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 100) / 100);

export async function benchIngest(sizes: IngestSizes, log: (line: string) => void): Promise<IngestResult> {
  log(`ingest: throughput phase, ${sizes.throughputEmails} emails as fast as SMTP takes them`);
  const first = await startBenchStack({ serviceEnv: BENCH_SERVICE_ENV });
  let throughput: Phase;
  try {
    throughput = await runPhase(first, "t", sizes.throughputEmails, { concurrency: 4 }, log);
  } finally {
    await first.close();
  }
  const latencyEmails = sizes.latencySeconds * sizes.latencyRatePerSecond;
  log(
    `ingest: latency phase, ${sizes.latencyRatePerSecond} emails/s for ${sizes.latencySeconds} s (${latencyEmails} emails), fresh stack`,
  );
  const second = await startBenchStack({ serviceEnv: BENCH_SERVICE_ENV });
  let steady: Phase;
  try {
    steady = await runPhase(second, "l", latencyEmails, { perSecond: sizes.latencyRatePerSecond }, log);
  } finally {
    await second.close();
  }
  const contacts = throughput.intake.contacts();
  const acks = throughput.tracker.acknowledged();
  const { queries } = throughput;
  const rss = [throughput.peakRssMb, steady.peakRssMb].filter((v): v is number => v !== null);
  return {
    emails: throughput.emails,
    contacts,
    contactsPerSecond: per(contacts * 1000, throughput.handledMs),
    ackLatencyMs: summarise(steady.tracker.latenciesMs()),
    latencyEmails,
    acknowledgements: acks,
    graphRequestsPerContact: per(throughput.graphRequests, contacts),
    graphRequestsPerAck: per(throughput.graphRequests, acks),
    tableOpsPerContact: per(throughput.tableOps, contacts),
    tableOpsByKind: throughput.tableOpsByKind,
    tableOpsByTable: throughput.tableOpsByTable,
    tableOpsPerContactByReach: {
      onePartitionQueries: per(queries.onePartition, contacts),
      crossPartitionQueries: per(queries.acrossPartitions, contacts),
      pointReadsAndWrites: per(throughput.tableOps - queries.onePartition - queries.acrossPartitions, contacts),
    },
    windows: throughput.windows,
    graphRequestsByRoute: throughput.graphByRoute,
    peakRssMb: rss.length > 0 ? Math.max(...rss) : null,
    unhandled: throughput.emails - throughput.intake.handled(),
    lost: [throughput, steady].reduce((sum, p) => sum + (p.emails - p.intake.handled()), 0),
    duplicateContacts: throughput.intake.duplicateContacts() + steady.intake.duplicateContacts(),
    duplicateAcks: throughput.tracker.duplicateAcks() + steady.tracker.duplicateAcks(),
  };
}
