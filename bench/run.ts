import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { benchIngest, type IngestResult } from "./ingest.js";
import { benchNudge, type NudgeResult } from "./nudge.js";
import { benchPanel, type PanelResult } from "./panel.js";
import { gitCommit, machine } from "./support/machine.js";
import { benchTabApi, type TabApiResult } from "./tab-api.js";
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
      panel: { contacts: 20, deciders: 10 },
      tabApi: { cases: 1_000, requestsPerView: 10 },
    }
  : {
      ingest: { throughputEmails: 1_000, latencySeconds: 60, latencyRatePerSecond: 5 },
      throttled: { emails: 416, limits: { requestsPerWindow: 500, windowMs: 30_000, concurrent: 4 } },
      nudge: [100_000, 10_000],
      panel: { contacts: 40, deciders: 20 },
      tabApi: { cases: 10_000, requestsPerView: 30 },
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
  const panel: PanelResult = await benchPanel(SIZES.panel, log);
  const tabApi: TabApiResult = await benchTabApi(SIZES.tabApi, log);

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
  const panelP95 = panel.invokeMs?.p95;
  row(
    "panel invoke p50/p95 ms",
    `${panel.invokeMs?.p50}/${panelP95} (${panel.clicks} clicks)`,
    "p95 < 500",
    panelP95 !== undefined && panelP95 < 500 && panel.failed === 0,
  );
  row(
    "panel recorded / decided before",
    `${panel.winning.count} p95 ${panel.winning.ms?.p95} / ${panel.losing.count} p95 ${panel.losing.ms?.p95}`,
    "—",
    null,
  );
  row("panel failed clicks", String(panel.failed), "0", panel.failed === 0);
  for (const [view, s] of Object.entries(tabApi.views)) row(`tab API ${view} p95 ms`, String(s?.p95), "< 200", null);
  row(
    "tab API first page p95 ms",
    `${tabApi.p95Ms} (${tabApi.cases} cases)`,
    "< 200",
    tabApi.p95Ms !== null && tabApi.p95Ms < 200,
  );
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
      "Panel: every contact on the screening agenda clicked twice by concurrent deciders (the second click finds it decided); timed from the invoke request to its response, which carries the refreshed card and follows the card update for everyone (fake Bot Connector).",
      "Tab API: one member of staff with every role and a third of the allocated cases; each view's first page requested one at a time after 3 warm-up requests; a case page is a different case each time.",
      `Throttled: Graph's mailbox limits scaled to ${SIZES.throttled.limits.requestsPerWindow} requests per ${SIZES.throttled.limits.windowMs / 1000} s to fit the time (Graph: 10,000 per 600 s).`,
    ],
    ingest,
    throttled,
    nudge: nudge ? { ...nudge, runs: nudges } : null,
    panel,
    tabApi,
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
