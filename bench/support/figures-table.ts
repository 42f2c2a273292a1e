import type { CentresResult } from "../centres.js";
import type { IngestResult } from "../ingest.js";
import type { NudgeResult } from "../nudge.js";
import type { PanelResult } from "../panel.js";
import type { ParseResult } from "../parse.js";
import type { TabApiResult } from "../tab-api.js";
import type { ThrottledResult } from "../throttled.js";

/** What the phases that ran measured. */
export interface Figures {
  parse?: ParseResult;
  ingest?: IngestResult;
  throttled?: ThrottledResult;
  nudges?: NudgeResult[];
  panel?: PanelResult;
  tabApi?: TabApiResult;
  centres?: CentresResult;
}

/** The figures against issue 7's targets, one row each; a phase that did not run prints nothing. */
export function printFigures(figures: Figures, log: (line: string) => void): void {
  const row = (name: string, figure: string, target: string, met: boolean | null) =>
    log(`${name.padEnd(34)} ${figure.padEnd(24)} ${target.padEnd(16)} ${met === null ? "—" : met ? "met" : "MISSED"}`);
  log("");
  row("figure", "measured", "target", null);
  const { parse, ingest, throttled, nudges, panel, tabApi, centres } = figures;
  if (centres) {
    const { unthrottled, throttled: stormy, graphRequestsPer10Minutes: graph } = centres;
    row(
      `centres (${centres.centres}) ack p50/p95 ms`,
      `${unthrottled.ackLatencyMs?.p50}/${unthrottled.ackLatencyMs?.p95}`,
      "p95 < 2000",
      (unthrottled.ackLatencyMs?.p95 ?? Infinity) < 2000,
    );
    row("others' ack p95, one throttled", `${stormy.ackLatencyMs?.p95} (×${centres.othersP95Ratio})`, "≈ ×1", null);
    row("Graph requests/mailbox/10 min max", `${graph.max} (median ${graph.median})`, "< 10000", graph.max < 10_000);
    row(
      "peak RSS per instance MB",
      Object.values(centres.peakRssMb).join(" / "),
      "< 300",
      Object.values(centres.peakRssMb).every((mb) => (mb ?? Infinity) < 300),
    );
  }
  if (parse) {
    const { hostileCorpus: corpus } = parse;
    row("parse hostile corpus MB/s", `${corpus.mbPerSecond} (${corpus.bodyMegabytes} MB)`, "—", null);
    for (const body of parse.oneMegabyteBodies)
      row(`parse 1 MB ${body.body} ms`, `${body.ms} (CPU ${body.cpuMs})`, "< 1000", null);
    const slowest = `${parse.slowestOneMegabyteMs} (CPU ${parse.slowestOneMegabyteCpuMs})`;
    row("parse slowest 1 MB body ms", slowest, `< ${parse.targetMs}`, parse.targetMet);
  }
  if (ingest) {
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
    const reach = ingest.tableOpsPerContactByReach;
    row("  queries 1 partition / across", `${reach.onePartitionQueries} / ${reach.crossPartitionQueries}`, "—", null);
    const [first, last] = [ingest.windows[0], ingest.windows.at(-1)];
    if (first && last && last !== first) {
      const near = (a: number, b: number) => Math.abs(b - a) <= 0.1 * a;
      row(
        `ops/contact to ${first.handledTo} vs ${last.handledTo}`,
        `${first.tableOpsPerContact} vs ${last.tableOpsPerContact}`,
        "within 10 %",
        near(first.tableOpsPerContact, last.tableOpsPerContact),
      );
      row(
        `contacts/s to ${first.handledTo} vs ${last.handledTo}`,
        `${first.contactsPerSecond} vs ${last.contactsPerSecond}`,
        "within 10 %",
        near(first.contactsPerSecond, last.contactsPerSecond),
      );
      // What each contact cost the service's own CPU (the first window also pays for start-up and the JIT), and
      // Azurite's (its whole-table scans grow with the store): the part of a falling rate that is Azurite's.
      const cpu = (ms: number | null) => (ms === null ? "—" : String(ms));
      row(
        `  service CPU ms/contact`,
        `${cpu(first.serviceCpuMsPerContact)} vs ${cpu(last.serviceCpuMsPerContact)}`,
        "no more than +10 %",
        first.serviceCpuMsPerContact === null || last.serviceCpuMsPerContact === null
          ? null
          : last.serviceCpuMsPerContact <= 1.1 * first.serviceCpuMsPerContact,
      );
      row(
        `  Azurite CPU ms/contact`,
        `${cpu(first.azuriteCpuMsPerContact)} vs ${cpu(last.azuriteCpuMsPerContact)}`,
        "—",
        null,
      );
    }
    row("emails not handled in time", String(ingest.unhandled), "0", ingest.unhandled === 0);
    row("service peak RSS MB", String(ingest.peakRssMb), "< 300", ingest.peakRssMb !== null && ingest.peakRssMb < 300);
    row(
      "lost / duplicate acks",
      `${ingest.lost} / ${ingest.duplicateAcks}`,
      "0 / 0",
      ingest.lost === 0 && ingest.duplicateAcks === 0,
    );
  }
  if (throttled) {
    const share = throttled.shareOfLimit;
    row("throttled share of best rate", `${Math.round(share * 100)} %`, "≥ 90 %", share >= 0.9);
    row("throttled failed contacts", String(throttled.failedContacts), "0", throttled.failedContacts === 0);
  }
  for (const n of nudges ?? [])
    row(`nudge scan, ${n.openCases} cases`, `${n.tableOps} ops, ${n.ms} ms`, `${n.due} due`, null);
  if (panel) {
    const p95 = panel.invokeMs?.p95;
    row(
      "panel invoke p50/p95 ms",
      `${panel.invokeMs?.p50}/${p95} (${panel.clicks} clicks)`,
      "p95 < 500",
      p95 !== undefined && p95 < 500 && panel.failed === 0,
    );
    row(
      "panel recorded / decided before",
      `${panel.winning.count} p95 ${panel.winning.ms?.p95} / ${panel.losing.count} p95 ${panel.losing.ms?.p95}`,
      "—",
      null,
    );
    row("panel failed clicks", String(panel.failed), "0", panel.failed === 0);
    row("panel invoke, one decider p50/p95", `${panel.oneDecider?.p50}/${panel.oneDecider?.p95}`, "—", null);
  }
  if (tabApi) {
    for (const [view, s] of Object.entries(tabApi.views)) row(`tab API ${view} p95 ms`, String(s?.p95), "< 200", null);
    row(
      "tab API first page p95 ms",
      `${tabApi.p95Ms} (${tabApi.cases} cases)`,
      "< 200",
      tabApi.p95Ms !== null && tabApi.p95Ms < 200,
    );
  }
}
