import { describe, expect, it } from "vitest";
import { aFile, fc, govUkFile } from "./run-fc.js";

describe("fc holidays", () => {
  it("lists the 2026 England & Wales bank holidays, substitute day included", async () => {
    const run = await fc("holidays", "--year", "2026");
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toContain("from date-holidays");
    expect(lines.slice(1).map((l) => l.slice(0, 10))).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
    expect(lines).toContain("2026-12-28  Monday     bank holiday  Boxing Day (substitute day)");
  });

  it("lists a Family Centre's closure days with the bank holidays", async () => {
    const closures = aFile("closures.json", JSON.stringify([{ date: "2026-12-24", name: "Christmas shutdown" }]));
    const run = await fc("holidays", "--year", "2026", "--closure-days", closures, "--json");
    expect(JSON.parse(run.stdout)).toContainEqual({
      date: "2026-12-24",
      reason: "closure-day",
      name: "Christmas shutdown",
    });
  });

  it("uses an imported GOV.UK list for the year it covers, and says so", async () => {
    const file = aFile(
      "bank-holidays.json",
      govUkFile([
        { title: "Christmas Day", date: "2026-12-25" },
        { title: "Boxing Day", date: "2026-12-28" },
      ]),
    );
    const run = await fc("holidays", "--year", "2026", "--bank-holidays", file, "--json");
    expect(JSON.parse(run.stdout)).toEqual([
      { date: "2026-12-25", reason: "bank-holiday", name: "Christmas Day" },
      { date: "2026-12-28", reason: "bank-holiday", name: "Boxing Day" },
    ]);
    expect((await fc("holidays", "--year", "2026", "--bank-holidays", file)).stdout).toContain(`GOV.UK file ${file}`);
  });

  it.each([
    ["no --year", ["holidays"], "--year is required"],
    ["a two-digit year", ["holidays", "--year", "26"], "YYYY"],
  ])("refuses %s with exit code 2", async (_label, args, mention) => {
    const run = await fc(...args);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(mention);
  });

  it.each([
    ["a holiday file that is not JSON", ["--bank-holidays", aFile("b.json", "<html>")], "CALENDAR.BAD_HOLIDAY_FILE"],
    [
      "a closure file with a bad date",
      ["--closure-days", aFile("c.json", '[{"date":"2026-12-32","name":"x"}]')],
      "0.date",
    ],
    ["a file that is not there", ["--bank-holidays", "/no/such/file.json"], "CLI.FILE_NOT_READABLE"],
  ])("refuses %s with a message that says what to fix, exit code 1", async (_label, args, mention) => {
    const run = await fc("holidays", "--year", "2026", ...args);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(mention);
  });
});
