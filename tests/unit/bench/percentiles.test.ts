import { describe, expect, it } from "vitest";
import { percentile, summarise } from "../../../bench/support/percentiles.js";

describe("benchmark percentiles (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it("reports the value at or below which p % of the samples fall", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it("always reports a latency that was actually observed", () => {
    expect(percentile([10, 1000], 95)).toBe(1000);
    expect(percentile([10, 1000], 50)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
  });

  it("refuses to invent a figure from no samples or a percentile outside (0, 100]", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it("summarises p50, p95, p99 and max in whole milliseconds, or null when nothing was measured", () => {
    expect(summarise([1.4, 2.6, 3.5])).toEqual({ count: 3, p50: 3, p95: 4, p99: 4, max: 4 });
    expect(summarise([])).toBeNull();
  });
});
