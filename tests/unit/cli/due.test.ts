import { describe, expect, it } from "vitest";
import { aFile, fc, govUkFile } from "./run-fc.js";

const endOf = (londonDate: string, at: string) => ({ at, londonDate });

describe("fc due", () => {
  it("prints rule 1.2 from Sat 26 Dec 2026 10:00 London as one JSON line: due end of Tue 29th both ways", async () => {
    const run = await fc("due", "--rule", "1.2", "--at", "2026-12-26T10:00:00Z");
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split("\n")).toEqual([expect.any(String), ""]);
    expect(JSON.parse(run.stdout)).toEqual({
      profile: "family-solutions",
      rule: "1.2",
      start: "2026-12-26T10:00:00.000Z",
      expected: endOf("2026-12-29", "2026-12-29T23:59:59.999Z"),
      maximum: endOf("2026-12-29", "2026-12-29T23:59:59.999Z"),
      citation: "Family Solutions Practice Framework §1.2",
    });
  });

  it("counts from the London date of an event at 00:30 BST, which is 23:30 UTC the day before", async () => {
    const run = await fc("due", "--rule", "1.2", "--at", "2026-06-10T00:30:00+01:00");
    expect(JSON.parse(run.stdout)).toMatchObject({
      start: "2026-06-09T23:30:00.000Z",
      expected: endOf("2026-06-11", "2026-06-11T22:59:59.999Z"),
      maximum: endOf("2026-06-13", "2026-06-13T22:59:59.999Z"),
    });
  });

  it("gives an hour-based rule (2.3, 24 hours) the exact instant, across the spring clock change", async () => {
    const run = await fc("due", "--rule", "2.3", "--at", "2026-03-28T12:00:00Z");
    expect(JSON.parse(run.stdout)).toMatchObject({
      expected: null,
      maximum: endOf("2026-03-29", "2026-03-29T12:00:00.000Z"),
    });
  });

  it("reads another profile (Bexley signposting hand-over, 5 working days, over Christmas 2026)", async () => {
    const run = await fc(
      "due",
      "--profile",
      "bexley",
      "--rule",
      "signposting-handover",
      "--at",
      "2026-12-18T10:00:00Z",
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      profile: "bexley",
      maximum: endOf("2026-12-29", "2026-12-29T23:59:59.999Z"),
    });
  });

  it("skips the closure days in --closure-days", async () => {
    const closures = aFile(
      "closures.json",
      JSON.stringify(["2026-12-29", "2026-12-30", "2026-12-31"].map((date) => ({ date, name: "Christmas shutdown" }))),
    );
    const run = await fc("due", "--rule", "1.2", "--at", "2026-12-24T10:00:00Z", "--closure-days", closures);
    expect(JSON.parse(run.stdout)).toMatchObject({ expected: endOf("2027-01-04", "2027-01-04T23:59:59.999Z") });
  });

  it("uses an imported GOV.UK list instead of date-holidays for the years it covers", async () => {
    // This list has no substitute day on Mon 28 Dec 2026, so Monday becomes the next working day.
    const file = aFile("bank-holidays.json", govUkFile([{ title: "Christmas Day", date: "2026-12-25" }]));
    const run = await fc("due", "--rule", "1.2", "--at", "2026-12-26T10:00:00Z", "--bank-holidays", file);
    expect(JSON.parse(run.stdout)).toMatchObject({ expected: endOf("2026-12-28", "2026-12-28T23:59:59.999Z") });
  });

  it.each([
    ["an unknown command", ["overdue"], 'no command "overdue"'],
    ["no command", [], "Usage: fc <command>"],
    ["an unknown rule", ["due", "--rule", "9.9", "--at", "2026-12-26T10:00:00Z"], 'no rule "9.9"'],
    ["an unknown profile", ["due", "--rule", "1.2", "--at", "2026-12-26T10:00:00Z", "--profile", "kent"], '"kent"'],
    ["an instant without an offset", ["due", "--rule", "1.2", "--at", "2026-12-26T10:00"], "not an ISO-8601 instant"],
    ["words for an instant", ["due", "--rule", "1.2", "--at", "yesterday"], "not an ISO-8601 instant"],
    ["a date that does not exist", ["due", "--rule", "1.2", "--at", "2026-02-30T10:00:00Z"], "not an ISO-8601"],
    ["--at without its value", ["due", "--rule", "1.2", "--at"], "--at"],
    ["no --rule", ["due", "--at", "2026-12-26T10:00:00Z"], "--rule is required"],
    [
      "a rule that is not a clock (2.1 daily screening)",
      ["due", "--rule", "2.1", "--at", "2026-12-26T10:00:00Z"],
      "not a clock",
    ],
    ["an unknown option", ["due", "--rule", "1.2", "--at", "2026-12-26T10:00:00Z", "--tz", "UTC"], "--tz"],
  ])("refuses %s with a usage message on stderr and exit code 2", async (_label, args, mention) => {
    const run = await fc(...args);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(mention);
  });

  it("refuses a bank holidays file that is not GOV.UK's format, saying what to fix, with exit code 1", async () => {
    const file = aFile("bank-holidays.json", JSON.stringify({ events: [] }));
    const run = await fc("due", "--rule", "1.2", "--at", "2026-12-26T10:00:00Z", "--bank-holidays", file);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("CALENDAR.BAD_HOLIDAY_FILE");
    expect(run.stderr).toContain("england-and-wales");
  });
});
