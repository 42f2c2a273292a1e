import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { benchIngest, type IngestResult } from "./ingest.js";
import { benchNudge, type NudgeResult } from "./nudge.js";
import { gitCommit, machine } from "./support/machine.js";
import { benchThrottled, type ThrottledResult } from "./throttled.js";

/**
 * `npm run bench [-- --quick]`: figures anyone can reproduce, against local mode with the service as its own
 * process. Sizes are chosen so the whole run fits in 15 minutes on a 2-core machine, and are printed and recorded.
 */
const quick = process.argv.includes("--quick");
const SIZES = quick
  ? {
      ingest: { throughputEmails: 104, latencySeconds: 10, latencyRatePerSecond: 5 },
      throttled: { emails: 104, limits: { requestsPerWindow: 100, windowMs: 10_000, concurrent: 4 } },
      nudge: [10_000, 1_000],
    }
  : {
      ingest: { throughputEmails: 1_000, latencySeconds: 60, latencyRatePerSecond: 5 },
      throttled: { emails: 416, limits: { requestsPerWindow: 500, windowMs: 30_000, concurrent: 4 } },
      nudge: [100_000, 10_000],
    };
const DUE_SHARE = 0.01;

const log = (line: string) => process.stdout.write(`${line}\n`);
const row = (name: string, figure: string, target: string, met: boolean | null) =>
  log(`${name.padEnd(34)} ${figure.padEnd(22)} ${target.padEnd(16)} ${met === null ? "—" : met ? "met" : "MISSED"}`);

async function main(): Promise<void> {
  const started = Date.now();
  log(`npm run bench${quick ? " --quick (smoke sizes)" : ""}; load average at start ${loadavg()[0]?.toFixed(1)}`);
  const ingest: IngestResult = await benchIngest(SIZES.ingest, log);
  const throttled: ThrottledResult = await benchThrottled(
    SIZES.throttled.limits,
    SIZES.throttled.emails,
    ingest.graphRequestsPerAck,
    log,
  );
  const nudges: NudgeResult[] = [];
  for (const openCases of SIZES.nudge) nudges.push(await benchNudge(openCases, DUE_SHARE, log));
  const [nudge] = nudges;
  log("panel: not measured: the decision benchmark is not written yet");
  log("tab API: not measured: the benchmark over the tab API is not written yet");

  log("");
  row("figure", "measured", "target", null);
  row("ingest contacts/s", `${ingest.contactsPerSecond} (${ingest.emails} emails)`, "—", null);
  const p95 = ingest.ackLatencyMs?.p95;
  row(
    "ack latency p50/p95/p99 ms",
    `${ingest.ackLatencyMs?.p50}/${p95}/${ingest.ackLatencyMs?.p99}`,
    "p95 < 2000",
    p95 !== undefined && p95 < 2000,
  );
  row("Graph requests per ack", String(ingest.graphRequestsPerAck), "≤ 3", ingest.graphRequestsPerAck <= 3);
  row("table operations per contact", String(ingest.tableOpsPerContact), "≤ 6", ingest.tableOpsPerContact <= 6);
  row("service peak RSS MB", String(ingest.peakRssMb), "< 300", ingest.peakRssMb !== null && ingest.peakRssMb < 300);
  row(
    "lost / duplicate acks",
    `${ingest.lost} / ${ingest.duplicateAcks}`,
    "0 / 0",
    ingest.lost === 0 && ingest.duplicateAcks === 0,
  );
  row(
    "throttled share of best rate",
    `${Math.round(throttled.shareOfLimit * 100)} %`,
    "≥ 90 %",
    throttled.shareOfLimit >= 0.9,
  );
  row("throttled failed contacts", String(throttled.failedContacts), "0", throttled.failedContacts === 0);
  for (const n of nudges)
    row(`nudge scan, ${n.openCases} cases`, `${n.tableOps} ops, ${n.ms} ms`, `${n.due} due`, null);
  row("panel invoke p95 ms", "not measured", "< 500", null);
  row("tab API first page p95 ms", "not measured", "< 200", null);
  log(`\nfinished in ${Math.round((Date.now() - started) / 1000)} s`);

  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machine(), loadAverageAtStart: loadavg()[0] },
    command: quick ? "npm run bench -- --quick" : "npm run bench",
    sizes: SIZES,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    notes: [
      "A $batch (entity-group transaction) counts as one table operation.",
      "Graph requests per contact/ack are all requests the service made in the throughput phase, divided.",
      "Acknowledgement latency: arrival in the stand-in's Inbox to the reply arriving in Sent Items.",
      `Throttled: Graph's mailbox limits scaled to ${SIZES.throttled.limits.requestsPerWindow} requests per ${SIZES.throttled.limits.windowMs / 1000} s to fit the time (Graph: 10,000 per 600 s).`,
    ],
    ingest,
    throttled,
    nudge: nudge ? { ...nudge, runs: nudges } : null,
    panel: { invokeMs: { p95: null }, note: "not measured" },
    tabApi: { p95Ms: null, note: "not measured" },
  };
  const dir = join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, quick ? "quick.json" : "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmark stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
