import { describe, expect, it } from "vitest";
import { benchOptions, PHASES } from "../../../bench/support/bench-options.js";

describe("npm run bench options", () => {
  it("runs every phase at the full sizes by default, recording the command that reproduces it", () => {
    const options = benchOptions([]);
    expect(options.phases).toEqual(PHASES);
    expect(options.only).toBeUndefined();
    expect(options.sizes.tabApi.cases).toBe(10_000);
    expect(options.command).toBe("npm run bench");
  });

  it("--only runs the phases named, in either spelling", () => {
    expect(benchOptions(["--only", "panel,tab-api"]).phases).toEqual(["panel", "tab-api"]);
    expect(benchOptions(["--only=nudge"]).phases).toEqual(["nudge"]);
  });

  it("refuses a phase it does not have, naming the ones it has", () => {
    expect(() => benchOptions(["--only", "ingest,inbox"])).toThrow(
      /parse, ingest, throttled, nudge, panel, tab-api; not inbox/,
    );
  });

  it("--emails sets the throughput phase's size and nothing else; a non-number is refused", () => {
    const options = benchOptions(["--quick", "--emails", "10000"]);
    expect(options.sizes.ingest.throughputEmails).toBe(10_000);
    expect(options.sizes.ingest.latencySeconds).toBe(benchOptions(["--quick"]).sizes.ingest.latencySeconds);
    expect(options.command).toBe("npm run bench -- --quick --emails 10000");
    expect(() => benchOptions(["--emails", "many"])).toThrow(/whole number/);
  });

  it("--centres N runs the centres phase alone, with N mailboxes; a number out of range is refused", () => {
    const options = benchOptions(["--centres", "20"]);
    expect(options.phases).toEqual(["centres"]);
    expect(options.sizes.centres).toEqual({ centres: 20, emailsPerMailbox: 10 });
    expect(() => benchOptions(["--centres", "1"])).toThrow(/from 2 to 50/);
    expect(() => benchOptions(["--centres", "4", "--only", "panel"])).toThrow(/no --only/);
  });
});
