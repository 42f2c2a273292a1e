import { describe, expect, it } from "vitest";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { fc } from "./run-fc.js";

describe("fc rules", () => {
  it("lists every rule of the default profile, in order, as JSON", async () => {
    const run = await fc("rules", "--json");
    expect(run.exitCode).toBe(0);
    const listed = JSON.parse(run.stdout) as { id: string }[];
    expect(listed.map((r) => r.id)).toEqual(loadProfile("family-solutions").rules.map((r) => r.id));
  });

  it("gives rule 1.2 its expectation, maximum with units and citation", async () => {
    const listed = JSON.parse((await fc("rules", "--json")).stdout) as { id: string }[];
    expect(listed.find((r) => r.id === "1.2")).toMatchObject({
      kind: "clock",
      expected: { amount: 1, unit: "working-days" },
      maximum: { amount: 3, unit: "calendar-days" },
      recurrence: null,
      citation: "Family Solutions Practice Framework §1.2",
    });
  });

  it("marks the recurring clocks (11.6 supervision) and the schedules (2.1 daily screening)", async () => {
    const listed = JSON.parse((await fc("rules", "--json")).stdout) as { id: string }[];
    expect(listed.find((r) => r.id === "11.6")).toMatchObject({ recurrence: "restarts when met" });
    expect(listed.find((r) => r.id === "2.1")).toMatchObject({ kind: "schedule", recurrence: "every working day" });
  });

  it("reads as text for an operator", async () => {
    const run = await fc("rules");
    expect(run.stdout).toContain(
      [
        "1.2  Acknowledge the referrer [clock]",
        "    expected: 1 working day",
        "    maximum: 3 calendar days",
        "    Family Solutions Practice Framework §1.2",
      ].join("\n"),
    );
  });

  it("lists another profile's rules", async () => {
    const listed = JSON.parse((await fc("rules", "--profile", "bexley", "--json")).stdout) as { id: string }[];
    expect(listed.map((r) => r.id)).toEqual(loadProfile("bexley").rules.map((r) => r.id));
  });

  it("refuses an unknown profile with exit code 2", async () => {
    const run = await fc("rules", "--profile", "kent");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('"kent"');
  });
});
