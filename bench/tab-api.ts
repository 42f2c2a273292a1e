import { summarise, type LatencySummary } from "./support/percentiles.js";
import { BENCH_LEAD, seedStore, type CentreHistory } from "./support/seed-store.js";
import { startBenchStack } from "./support/stack.js";
import { tabClient } from "./support/tab-client.js";

export interface TabApiSizes {
  readonly cases: number;
  /** Timed requests per view, after the warm-up. */
  readonly requestsPerView: number;
  /** How many of the cases are still open, over how many years, with how many practitioners. */
  readonly history: CentreHistory;
}

export interface TabApiResult {
  readonly cases: number;
  readonly seedMs: number;
  /** Every view's first page together. */
  readonly overall: LatencySummary | null;
  readonly p95Ms: number | null;
  readonly views: Readonly<Record<string, LatencySummary | null>>;
}

const WARM_UP = 3;
/**
 * The service runs its jobs once as it starts (nudge scan, agendas, outbox drains): measuring in those seconds would
 * time a start-up, not a page. A probe showed the screening agenda's 100 ms pages taking 350 ms five seconds in.
 */
const SETTLE_MS = 15_000;

/** The first page of each of the tab's views (src/api/contract.ts API_ROUTES); a case page is a different case each time. */
function views(caseIds: readonly string[]): ReadonlyArray<{ name: string; path: (i: number) => string }> {
  return [
    { name: "triage", path: () => "/api/triage" },
    { name: "screening agenda", path: () => "/api/agendas/screening" },
    { name: "MAAM agenda", path: () => "/api/agendas/maam" },
    { name: "pre-allocation", path: () => "/api/pre-allocation" },
    { name: "my cases", path: () => "/api/my-cases" },
    { name: "a case", path: (i) => `/api/cases/${caseIds[(i * 7919) % caseIds.length] ?? ""}` },
    { name: "team", path: () => "/api/team" },
    { name: "compliance", path: () => "/api/compliance" },
    { name: "settings", path: () => "/api/settings" },
  ];
}

/**
 * The tab's API over `cases` seeded cases, the service as its own process: one member of staff (every role, with
 * cases of their own) reads each view's first page `requestsPerView` times, one request at a time, after a warm-up.
 */
export async function benchTabApi(sizes: TabApiSizes, log: (line: string) => void): Promise<TabApiResult> {
  const stack = await startBenchStack({ startService: false });
  try {
    const seedStarted = Date.now();
    const caseIds = await seedStore(stack, sizes.cases, sizes.history);
    const seedMs = Date.now() - seedStarted;
    const service = await stack.startService();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const client = await tabClient(service.url, BENCH_LEAD.id);
    const all: number[] = [];
    const byView: Record<string, LatencySummary | null> = {};
    for (const view of views(caseIds)) {
      const samples: number[] = [];
      for (let i = 0; i < WARM_UP + sizes.requestsPerView; i++) {
        const path = view.path(i);
        const { status, ms } = await client.time(path);
        if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
        if (i >= WARM_UP) samples.push(ms);
      }
      all.push(...samples);
      byView[view.name] = summarise(samples);
    }
    const overall = summarise(all);
    log(
      `tab API: ${sizes.cases} cases seeded in ${seedMs} ms; ${all.length} requests; ` +
        Object.entries(byView)
          .map(([name, s]) => `${name} p95 ${s?.p95}`)
          .join(", "),
    );
    return { cases: sizes.cases, seedMs, overall, p95Ms: overall?.p95 ?? null, views: byView };
  } finally {
    await stack.close();
  }
}
