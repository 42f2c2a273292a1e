import { describe, expect, it } from "vitest";
import { cpuMs } from "../../../bench/support/process-cpu.js";

describe("the bench's CPU time of a process (issue 21 §7: the service's cost apart from Azurite's)", () => {
  it.runIf(process.platform === "linux")("reads a live process's CPU time, which grows as it works", () => {
    const before = cpuMs(process.pid);
    expect(before).toBeGreaterThanOrEqual(0);
    const until = Date.now() + 200;
    let spin = 0;
    while (Date.now() < until) spin++;
    expect(spin).toBeGreaterThan(0);
    expect(cpuMs(process.pid)).toBeGreaterThan(before ?? Infinity);
  });

  it("answers nothing for no process or one that is not there", () => {
    expect(cpuMs(undefined)).toBeUndefined();
    expect(cpuMs(2 ** 30)).toBeUndefined();
  });
});
