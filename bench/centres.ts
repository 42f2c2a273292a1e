import { freePort, startAzurite } from "../dev/azurite.js";
import { startRoundRobinProxy } from "../dev/round-robin-proxy.js";
import { startStandIn, type StandIn } from "../dev/m365/stand-in.js";
import { loadConfig } from "../src/compose/config.js";
import { createCountyStore } from "../src/store/county-store.js";
import { BENCH_SERVICE_ENV } from "./ingest.js";
import { AckTracker } from "./support/ack-tracker.js";
import { summarise, type LatencySummary } from "./support/percentiles.js";
import { sendAll } from "./support/send-paced.js";
import { spawnService, type ServiceProcess } from "./support/service-process.js";
import { pooledSmtp } from "./support/stack.js";
import { sleep, waitUntil } from "./support/wait.js";

export interface CentresSizes {
  readonly centres: number;
  /** Emails sent to each mailbox in each of the two runs (within the 30 letters a minute a mailbox may send). */
  readonly emailsPerMailbox: number;
}

interface RunFigures {
  readonly acknowledged: number;
  readonly duplicateAcks: number;
  /** Ack latency per centre (mailbox address → p50/p95/…), ms. */
  readonly ackLatencyMsByCentre: Readonly<Record<string, LatencySummary | null>>;
  /** Every centre's latencies together (the throttled mailbox's left out in the throttled run). */
  readonly ackLatencyMs: LatencySummary | null;
  readonly seconds: number;
}

export interface CentresResult {
  readonly centres: number;
  readonly instances: 2;
  readonly emailsPerMailbox: number;
  /** How many pipelines each instance held when the runs started. */
  readonly pipelinesHeld: Readonly<Record<string, number>>;
  readonly unthrottled: RunFigures;
  readonly throttled: RunFigures & {
    readonly mailbox: string;
    readonly throttledResponses: number;
    readonly throttledMailboxAckLatencyMs: LatencySummary | null;
  };
  /** The other mailboxes' p95 with one mailbox throttled ÷ their p95 without: near 1 when none waits for it. */
  readonly othersP95Ratio: number | null;
  readonly graphRequestsPer10Minutes: {
    readonly limit: 10_000;
    readonly max: number;
    readonly median: number;
    readonly byMailbox: Readonly<Record<string, number>>;
  };
  readonly peakRssMb: Readonly<Record<string, number | undefined>>;
}

const INSTANCES = ["instance-a", "instance-b"] as const;
const PREFIX = "BenchCentres";
const fromNurse = (tag: string) =>
  [
    `From: Nurse ${tag} <nurse.${tag}@nhs.example>`,
    "To: Family Centre <familycentre@council.example>",
    "Subject: Early Help Assessment - request for support",
    `Message-ID: <${tag}@nhs.example>`,
    `Date: ${new Date().toUTCString()}`,
    "",
    "Please find attached an Early Help Assessment for a family we support, with consent.",
    "",
  ].join("\r\n");

/**
 * `npm run bench -- --centres 20`: two service instances (compiled, each its own process) share N mailboxes through
 * the county's pipeline leases; every mailbox is sent mail at once, twice: unthrottled, then with the stand-in
 * refusing half of one mailbox's requests (429), to show that no mailbox's throttling delays another's
 * acknowledgements.
 */
export async function benchCentres(sizes: CentresSizes, log: (line: string) => void): Promise<CentresResult> {
  const base = { FC_MODE: "local", FC_LOCAL_CENTRES: String(sizes.centres), FC_DEMO: "off", FC_TABLE_PREFIX: PREFIX };
  const mailboxes = loadConfig(base).centres.map((c) => c.mailbox.address);
  log(`centres: ${sizes.centres} mailboxes, two instances, ${sizes.emailsPerMailbox} emails per mailbox per run`);
  const azurite = await startAzurite();
  const standIn = await startStandIn({
    smtpPort: 0,
    graphPort: 0,
    mailboxes: mailboxes.map((address) => ({ address })),
  });
  const services = new Map<string, ServiceProcess>();
  const proxy = await startRoundRobinProxy(() => [...services.values()].map((s) => s.url));
  const smtp = pooledSmtp(standIn.smtpPort);
  try {
    const startedAt = Date.now();
    for (const instance of INSTANCES) {
      const port = await freePort();
      const env = {
        ...base,
        ...BENCH_SERVICE_ENV,
        FC_HOST: "127.0.0.1",
        FC_PORT: String(port),
        FC_INSTANCE_ID: instance,
        FC_PUBLIC_BASE_URL: proxy.url,
        FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
        FC_STORAGE_CONNECTION_STRING: azurite.connectionString,
      };
      services.set(instance, await spawnService(env, 180_000));
    }
    const county = await createCountyStore(azurite.connectionString, {
      tablePrefix: PREFIX,
      allowInsecureConnection: true,
    });
    const pipelinesHeld = await waitForShare(county, sizes.centres);
    log(`centres: pipelines held ${JSON.stringify(pipelinesHeld)}`);
    await sleep(5_000); // each mailbox's first round and subscription

    const run = async (tag: string, leaveOut?: string) => {
      const trackers = new Map(mailboxes.map((address) => [address, new AckTracker(standIn, address)]));
      const sends = mailboxes.flatMap((address) =>
        Array.from({ length: sizes.emailsPerMailbox }, (_, i) => ({
          address,
          raw: fromNurse(`${tag}-${address.split("@")[0]}-${i}`),
        })),
      );
      const runStarted = Date.now();
      // Round-robin over the mailboxes, so every mailbox's mail arrives at once rather than one mailbox after another.
      const order = Array.from(
        { length: sends.length },
        (_, i) => sends[(i % mailboxes.length) * sizes.emailsPerMailbox + Math.floor(i / mailboxes.length)]!,
      );
      await sendAll(
        order.length,
        (i) =>
          smtp
            .sendMail({ envelope: { from: "bench@example.org", to: [order[i]!.address] }, raw: order[i]!.raw })
            .then(() => undefined),
        { concurrency: 4 },
      );
      const all = () => [...trackers.values()].every((t) => t.acknowledged() >= sizes.emailsPerMailbox);
      await waitUntil(all, 240_000, 250);
      for (const tracker of trackers.values()) tracker.stop();
      const byCentre = Object.fromEntries([...trackers].map(([address, t]) => [address, summarise(t.latenciesMs())]));
      const counted = [...trackers].filter(([address]) => address !== leaveOut).map(([, t]) => t);
      const figures: RunFigures = {
        acknowledged: [...trackers.values()].reduce((sum, t) => sum + t.acknowledged(), 0),
        duplicateAcks: [...trackers.values()].reduce((sum, t) => sum + t.duplicateAcks(), 0),
        ackLatencyMsByCentre: byCentre,
        ackLatencyMs: summarise(counted.flatMap((t) => t.latenciesMs())),
        seconds: Math.round((Date.now() - runStarted) / 1000),
      };
      log(
        `centres ${tag}: ${figures.acknowledged}/${sends.length} acknowledged in ${figures.seconds} s; p50/p95 ${figures.ackLatencyMs?.p50}/${figures.ackLatencyMs?.p95} ms`,
      );
      return { figures, trackers };
    };

    const unthrottled = await run("calm");
    const target = mailboxes[1] as string;
    const refusedBefore = throttledResponses(standIn, target);
    standIn.faults.set({ throttle: { status: 429, probability: 0.5, retryAfterSeconds: 2, mailbox: target } });
    const stormy = await run("storm", target);
    standIn.faults.set({ throttle: null });
    const p95 = (f: RunFigures) => f.ackLatencyMs?.p95;
    const calmP95 = p95(unthrottled.figures);
    const stormP95 = p95(stormy.figures);

    const minutes = (Date.now() - startedAt) / 60_000;
    const byMailbox = Object.fromEntries(
      mailboxes.map((address) => [address, Math.round((standIn.statsFor(address).requestsTotal / minutes) * 10)]),
    );
    const rates = Object.values(byMailbox).sort((a, b) => a - b);
    return {
      centres: sizes.centres,
      instances: 2,
      emailsPerMailbox: sizes.emailsPerMailbox,
      pipelinesHeld,
      unthrottled: unthrottled.figures,
      throttled: {
        ...stormy.figures,
        mailbox: target,
        throttledResponses: throttledResponses(standIn, target) - refusedBefore,
        throttledMailboxAckLatencyMs: summarise(stormy.trackers.get(target)?.latenciesMs() ?? []),
      },
      othersP95Ratio:
        calmP95 === undefined || stormP95 === undefined ? null : Math.round((stormP95 / calmP95) * 100) / 100,
      graphRequestsPer10Minutes: {
        limit: 10_000,
        max: rates.at(-1) ?? 0,
        median: rates[Math.floor(rates.length / 2)] ?? 0,
        byMailbox,
      },
      peakRssMb: Object.fromEntries([...services].map(([instance, s]) => [instance, s.peakRssMb()])),
    };
  } finally {
    smtp.close();
    for (const service of services.values()) await service.kill("SIGKILL");
    await proxy.close();
    await standIn.close();
    await azurite.stop();
  }
}

/** 429s the stand-in answered for one mailbox, requests inside `$batch` calls included. */
function throttledResponses(standIn: StandIn, address: string): number {
  const stats = standIn.statsFor(address);
  const count = (byRoute: Readonly<Record<string, Readonly<Record<string, number>>>>) =>
    Object.values(byRoute).reduce((sum, byStatus) => sum + (byStatus["429"] ?? 0), 0);
  return count(stats.requests) + count(stats.batchParts);
}

/** Waits until the two instances hold every pipeline between them, about half each. */
async function waitForShare(
  county: Awaited<ReturnType<typeof createCountyStore>>,
  centres: number,
): Promise<Record<string, number>> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const held: Record<string, number> = {};
    for (const lease of await county.leases.list()) {
      if (lease.name.startsWith("pipeline~") && Date.parse(lease.expiresAt) > Date.now())
        held[lease.holderId] = (held[lease.holderId] ?? 0) + 1;
    }
    const counts = Object.values(held);
    if (counts.length === 2 && counts.every((n) => n === Math.ceil(centres / 2) || n === Math.floor(centres / 2)))
      return held;
    if (Date.now() > deadline) throw new Error(`the instances did not share the pipelines: ${JSON.stringify(held)}`);
    await sleep(1_000);
  }
}
