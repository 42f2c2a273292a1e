import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { SERVICE_COMMAND } from "../deploy/service-command.js";
import { benchCentres } from "./centres.js";
import { benchIngest } from "./ingest.js";
import { benchNudge, type NudgeResult } from "./nudge.js";
import { benchPanel } from "./panel.js";
import { benchParse } from "./parse.js";
import { benchOptions, PHASES, type Phase } from "./support/bench-options.js";
import { printFigures, type Figures } from "./support/figures-table.js";
import { gitCommit, machine } from "./support/machine.js";
import { benchTabApi } from "./tab-api.js";
import { benchThrottled } from "./throttled.js";

/**
 * `npm run bench [-- --quick] [-- --only panel,tab-api] [-- --emails N] [-- --centres 20]`: figures anyone can
 * reproduce, against local mode with the service as its own process. The default sizes fit the whole run in 25 minutes
 * on a 2-core machine.
 * The results file is rewritten after every phase, so a phase that fails or a run that is stopped keeps what was
 * measured before it.
 */
const options = benchOptions(process.argv.slice(2));
const { sizes } = options;
const DUE_SHARE = 0.01;

const log = (line: string) => process.stdout.write(`${line}\n`);

const dir = join(import.meta.dirname, "results");
const latest = join(dir, "latest.json");
const centresAlone = options.phases.length === 1 && options.phases[0] === "centres";
const file = options.only
  ? join(dir, "only.json")
  : options.quick
    ? join(dir, "quick.json")
    : centresAlone
      ? join(dir, "centres.json")
      : latest;
const started = Date.now();
const figures: Figures = {};
const phases: Record<string, { seconds: number; error?: string }> = {};

function save(complete: boolean): void {
  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machine(), loadAverageAtStart },
    command: options.command,
    /** Every phase ran and none failed. */
    complete,
    sizes,
    phases,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    notes: [
      "A $batch (entity-group transaction) counts as one table operation; a Graph $batch counts as one request.",
      "Graph requests per contact/ack are all requests the service made in the throughput phase, divided.",
      "Acknowledgement latency: arrival in the stand-in's Inbox to the reply arriving in Sent Items.",
      "Panel: every contact on the screening agenda clicked twice by concurrent deciders, each clicking again as soon as answered (the second click on a contact finds it decided); timed from the invoke request to its response, which carries the clicker's refreshed card; everyone else's cards are updated after (fake Bot Connector). Then one decider alone decides 10 more, one after another.",
      "Tab API: 10,000 cases as three years of a centre's work (800 open, among 30 practitioners; the rest closed at screening or the MAAM), seeded before the service starts; one member of staff with every role and their own share of cases; timed once the service's start-up jobs have run (15 s), each view's first page requested one at a time after 3 warm-up requests; a case page is a different case each time.",
      `Throttled: the stand-in enforces ${sizes.throttled.limits.requestsPerWindow} requests per ${sizes.throttled.limits.windowMs / 1000} s and ${sizes.throttled.limits.concurrent} at once (Graph: 10,000 per 600 s, 4 at once): a shorter window to fit the time, and a lower rate so that the limit rather than the intake sets the pace.`,
      `The service runs compiled, as production runs it (${SERVICE_COMMAND.join(" ")} after tsc -p tsconfig.build.json).`,
    ],
    parse: figures.parse ?? null,
    ingest: figures.ingest ?? null,
    throttled: figures.throttled ?? null,
    nudge: figures.nudges?.[0] ? { ...figures.nudges[0], runs: figures.nudges } : null,
    panel: figures.panel ?? null,
    tabApi: figures.tabApi ?? null,
    // Measured only by `--centres N`: a full run keeps the last such figures rather than dropping them.
    centres: figures.centres ?? (file === latest ? (readLatest().centres ?? null) : null),
  };
  mkdirSync(dir, { recursive: true });
  writeJson(file, results);
  if (file !== latest && figures.parse) keepFiguresInLatest("parse", figures.parse);
  if (file !== latest && figures.centres && !options.quick) keepFiguresInLatest("centres", figures.centres);
}

const readLatest = (): Record<string, unknown> =>
  existsSync(latest) ? (JSON.parse(readFileSync(latest, "utf8")) as Record<string, unknown>) : {};

/** Written whole then renamed, so a run stopped mid-write never leaves half a file. */
function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/**
 * The parse phase reads mail in this process, apart from the service and the other phases, and the centres phase
 * runs its own two instances, so their figures stand on their own: a run of one alone (`--only parse`,
 * `--centres 20`) also brings latest.json's key up to date, with its own date, commit and machine.
 */
function keepFiguresInLatest(key: "parse" | "centres", measuredFigures: object): void {
  const current = readLatest();
  const measured = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...machine(), loadAverageAtStart },
  };
  writeJson(latest, { ...current, [key]: { ...measured, command: options.command, ...measuredFigures } });
}

const RUNNERS: Record<Phase, () => Promise<void>> = {
  parse: async () => {
    figures.parse = await benchParse(log);
  },
  ingest: async () => {
    figures.ingest = await benchIngest(sizes.ingest, log);
  },
  throttled: async () => {
    const { limits, emails } = sizes.throttled;
    figures.throttled = await benchThrottled(limits, emails, figures.ingest?.graphRequestsPerAck, log);
  },
  nudge: async () => {
    const runs: NudgeResult[] = [];
    for (const openCases of sizes.nudge) runs.push(await benchNudge(openCases, DUE_SHARE, log));
    figures.nudges = runs;
  },
  panel: async () => {
    figures.panel = await benchPanel(sizes.panel, log);
  },
  "tab-api": async () => {
    figures.tabApi = await benchTabApi(sizes.tabApi, log);
  },
  centres: async () => {
    figures.centres = await benchCentres(sizes.centres, log);
  },
};

const loadAverageAtStart = loadavg()[0];

async function main(): Promise<void> {
  log(`${options.command}; load average at start ${loadAverageAtStart?.toFixed(1)}`);
  let failed = false;
  for (const phase of [...PHASES, "centres" as const].filter((p) => options.phases.includes(p))) {
    const phaseStarted = Date.now();
    try {
      await RUNNERS[phase]();
      phases[phase] = { seconds: Math.round((Date.now() - phaseStarted) / 1000) };
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      phases[phase] = { seconds: Math.round((Date.now() - phaseStarted) / 1000), error: message };
      process.stderr.write(`The ${phase} phase stopped: ${error instanceof Error ? error.stack : message}\n`);
    }
    save(false);
  }
  printFigures(figures, log);
  log(`\nfinished in ${Math.round((Date.now() - started) / 1000)} s; figures in ${file}`);
  save(!failed && options.only === undefined);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmark stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
