import { pathToFileURL } from "node:url";
import { SCREENING_ITEMS_PER_CARD } from "../bot/cards/screening-agenda.js";
import type { AgendaResponse } from "../src/api/contract.js";
import { startFakeConnector } from "../dev/teams/fake-connector.js";
import { summarise, type LatencySummary } from "./support/percentiles.js";
import { BENCH_LEAD, seedStore } from "./support/seed-store.js";
import { startBenchStack } from "./support/stack.js";
import { tabClient } from "./support/tab-client.js";

export interface PanelSizes {
  /** Contacts awaiting screening on the agenda. */
  readonly contacts: number;
  /** Deciders clicking at once. */
  readonly deciders: number;
}

export interface PanelResult {
  readonly contacts: number;
  readonly deciders: number;
  readonly clicks: number;
  /** Click to the invoke's HTTP response (which carries the refreshed card), every click. */
  readonly invokeMs: LatencySummary | null;
  /** Clicks that recorded the decision, and clicks on a case already decided (answered with the card showing who). */
  readonly winning: { readonly count: number; readonly ms: LatencySummary | null };
  readonly losing: { readonly count: number; readonly ms: LatencySummary | null };
  /** Clicks answered without a refreshed card, or with an error. */
  readonly failed: number;
  /** Card updates for everyone else, as the fake Bot Connector received them. */
  readonly cardUpdates: number;
  /** One decider deciding `SOLO_CLICKS` more contacts one after another, after the crowd: the latency nobody queues for. */
  readonly oneDecider: LatencySummary | null;
}

const SOLO_CLICKS = 10;

/** The screening agenda's parts (at most this many items each); each button names its part's cases. */
const ITEMS_PER_CARD = SCREENING_ITEMS_PER_CARD;
const VERB = "screening.decide";
const OUTCOME = "maam"; // needs neither a note nor a worker
const CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";

interface Click {
  readonly caseId: string;
  readonly agendaCaseIds: readonly string[];
  readonly part: number;
}

/** An `adaptiveCard/action` invoke as Teams sends it for the agenda's "Record decision" button. */
function invoke(serviceUrl: string, click: Click, decider: string, id: string) {
  return {
    id,
    type: "invoke",
    name: "adaptiveCard/action",
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${decider}`, aadObjectId: decider, name: "Bench decider" },
    recipient: { id: "28:family-centre-bot", name: "Family Centre" },
    conversation: {
      id: "19:bench-screening@thread.v2",
      conversationType: "groupChat",
      tenantId: "tenant-1",
      isGroup: true,
    },
    channelData: { tenant: { id: "tenant-1" } },
    replyToId: `screening-agenda-part-${click.part}`,
    value: {
      action: {
        type: "Action.Execute",
        verb: VERB,
        data: { caseId: click.caseId, agendaCaseIds: click.agendaCaseIds, [`${click.caseId}~outcome`]: OUTCOME },
      },
      trigger: "manual",
    },
  };
}

/**
 * Rule 2.1's screening decisions under load: `deciders` people click "Record decision" on the agenda at once,
 * every contact clicked twice (the second click loses: the case is already decided). Each click is timed from the
 * request to the invoke's response, which carries the refreshed card; card updates go to a fake Bot Connector.
 */
export async function benchPanel(sizes: PanelSizes, log: (line: string) => void): Promise<PanelResult> {
  const stack = await startBenchStack({ startService: false });
  const connector = await startFakeConnector();
  try {
    // seed-cases puts a fifth of its cases in "awaiting screening".
    await seedStore(stack, (sizes.contacts + SOLO_CLICKS) * 5);
    const service = await stack.startService();
    const lead = await tabClient(service.url, BENCH_LEAD.id);
    const open: string[] = [];
    let continuation: string | undefined;
    do {
      const query = continuation === undefined ? "" : `?continuation=${encodeURIComponent(continuation)}`;
      const page = await lead.get<AgendaResponse>(`/api/agendas/screening${query}`);
      open.push(...page.open.map((c) => c.caseId));
      continuation = page.continuation;
    } while (continuation !== undefined && open.length < sizes.contacts + SOLO_CLICKS);
    if (open.length < sizes.contacts + SOLO_CLICKS)
      throw new Error(`only ${open.length} contacts await screening, ${sizes.contacts + SOLO_CLICKS} were seeded`);
    const clicksOn = (agenda: readonly string[]): Click[] =>
      agenda.map((caseId, i) => {
        const part = Math.floor(i / ITEMS_PER_CARD);
        return { caseId, part, agendaCaseIds: agenda.slice(part * ITEMS_PER_CARD, (part + 1) * ITEMS_PER_CARD) };
      });
    const first = clicksOn(open.slice(0, sizes.contacts));
    const clicks = [...first, ...first];

    // Which clicks recorded the decision, from the service's own log (case id + the clicker's id, no names).
    const outcomes = new Map<string, string>();
    const stopWatching = service.onLog((entry) => {
      if (typeof entry.caseId === "string" && typeof entry.actorId === "string")
        outcomes.set(`${entry.caseId}|${entry.actorId}`, entry.event);
    });
    const clickAll = async (queue: readonly Click[], deciders: number, label: string) => {
      const timed: Array<{ key: string; ms: number; ok: boolean }> = [];
      let next = 0;
      const decider = async (d: number) => {
        while (next < queue.length) {
          const n = next++;
          const click = queue[n] as Click;
          // One identity per click, so the log line of each click can be found; `d` is the person clicking.
          const who = `bench-decider-${label}${d}-click-${n}`;
          const started = performance.now();
          const response = await fetch(`${service.url}/api/messages`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(invoke(connector.serviceUrl, click, who, `invoke-${label}${n}`)),
          });
          const body = (await response.json().catch(() => undefined)) as
            { type?: string; value?: { type?: string } } | undefined;
          const ms = performance.now() - started;
          const ok = response.status === 200 && body?.type === CARD_RESPONSE && body.value?.type === "AdaptiveCard";
          timed.push({ key: `${click.caseId}|${who}`, ms, ok });
        }
      };
      await Promise.all(Array.from({ length: deciders }, (_, d) => decider(d)));
      return timed;
    };
    const started = Date.now();
    const timed = await clickAll(clicks, sizes.deciders, "");
    const elapsed = Date.now() - started;
    // Log lines arrive on a pipe, and everyone else's cards are updated after the answers: give them a moment.
    await new Promise((r) => setTimeout(r, 2000));
    const solo = await clickAll(clicksOn(open.slice(sizes.contacts, sizes.contacts + SOLO_CLICKS)), 1, "solo-");
    stopWatching();

    const of = (event: string) => timed.filter((t) => t.ok && outcomes.get(t.key) === event).map((t) => t.ms);
    const won = of("bot.decision-recorded");
    const lost = of("bot.decision-already-made");
    const result: PanelResult = {
      contacts: sizes.contacts,
      deciders: sizes.deciders,
      clicks: timed.length,
      invokeMs: summarise(timed.map((t) => t.ms)),
      winning: { count: won.length, ms: summarise(won) },
      losing: { count: lost.length, ms: summarise(lost) },
      failed: timed.filter((t) => !t.ok).length,
      cardUpdates: connector.calls.filter((c) => c.method === "PUT").length,
      oneDecider: summarise(solo.filter((t) => t.ok).map((t) => t.ms)),
    };
    log(
      `panel: ${result.clicks} clicks by ${sizes.deciders} deciders on ${sizes.contacts} contacts in ${elapsed} ms; ` +
        `${won.length} recorded, ${lost.length} already decided, ${result.failed} failed; ${result.cardUpdates} card updates; ` +
        `then one decider alone: p50 ${result.oneDecider?.p50} ms, p95 ${result.oneDecider?.p95} ms`,
    );
    return result;
  } finally {
    await connector.close();
    await stack.close();
  }
}

/** `npx tsx bench/panel.ts [contacts] [deciders]`: this phase alone, at the full sizes unless told otherwise. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [contacts = 40, deciders = 20] = process.argv.slice(2).map(Number);
  const result = await benchPanel({ contacts, deciders }, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
