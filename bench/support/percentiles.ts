export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The nearest-rank percentile (the smallest value with at least p % of the samples at or below it), so a reported
 * p95 is always a latency that was actually observed.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile of no samples");
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] as number;
}

/** p50/p95/p99/max rounded to whole milliseconds; null when nothing was measured. */
export function summarise(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const at = (p: number) => Math.round(percentile(values, p));
  return { count: values.length, p50: at(50), p95: at(95), p99: at(99), max: Math.round(Math.max(...values)) };
}
