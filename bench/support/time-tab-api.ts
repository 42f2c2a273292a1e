import { benchTabApi } from "../tab-api.js";

/**
 * The tab API phase alone, at a chosen size: `npx tsx bench/support/time-tab-api.ts [cases] [requests per view]`
 * (default 10,000 cases, 20 requests). Prints the seed time and each view's first-page latencies.
 */
const [cases = 10_000, requestsPerView = 20] = process.argv.slice(2).map(Number);
const result = await benchTabApi({ cases, requestsPerView }, (line) => console.log(line));
for (const [view, summary] of Object.entries(result.views)) {
  console.log(`${view.padEnd(18)} p50 ${summary?.p50 ?? "-"} ms, p95 ${summary?.p95 ?? "-"} ms`);
}
