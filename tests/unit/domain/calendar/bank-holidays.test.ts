import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays, parseGovUkBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";

const line = (d: { date: string; name: string }): string => `${d.date} ${d.name}`;

/** The shape GOV.UK publishes, with the fields we ignore, and a 2026 list that differs from date-holidays. */
const govUkFile = (englandAndWalesEvents: unknown[]): string =>
  JSON.stringify({
    "england-and-wales": { division: "england-and-wales", events: englandAndWalesEvents },
    scotland: {
      division: "scotland",
      events: [{ title: "2nd January", date: "2026-01-02", notes: "", bunting: true }],
    },
  });
const official2026 = [
  { title: "New Year’s Day", date: "2026-01-01", notes: "", bunting: true },
  { title: "Good Friday", date: "2026-04-03", notes: "", bunting: false },
  { title: "Easter Monday", date: "2026-04-06", notes: "", bunting: true },
  { title: "Extra bank holiday", date: "2026-06-08", notes: "", bunting: true },
  { title: "Christmas Day", date: "2026-12-25", notes: "", bunting: true },
  { title: "Boxing Day", date: "2026-12-28", notes: "Substitute day", bunting: true },
];

describe("England & Wales bank holidays (time conventions: working days exclude them)", () => {
  it("lists 2026 and 2027 as GOV.UK does, substitute days in and weekend dates out", () => {
    expect(englandAndWalesBankHolidays(2026, 2027).map(line)).toEqual([
      "2026-01-01 New Year's Day",
      "2026-04-03 Good Friday",
      "2026-04-06 Easter Monday",
      "2026-05-04 Early May bank holiday",
      "2026-05-25 Spring bank holiday",
      "2026-08-31 Summer bank holiday",
      "2026-12-25 Christmas Day",
      "2026-12-28 Boxing Day (substitute day)",
      "2027-01-01 New Year's Day",
      "2027-03-26 Good Friday",
      "2027-03-29 Easter Monday",
      "2027-05-03 Early May bank holiday",
      "2027-05-31 Spring bank holiday",
      "2027-08-30 Summer bank holiday",
      "2027-12-27 Christmas Day (substitute day)",
      "2027-12-28 Boxing Day (substitute day)",
    ]);
  });

  it("takes the years an imported GOV.UK list covers from it, whole, and the rest from date-holidays", () => {
    const imported = parseGovUkBankHolidays(govUkFile(official2026));
    const days = englandAndWalesBankHolidays(2026, 2027, imported);
    expect(days.filter((d) => d.date.startsWith("2026")).map(line)).toEqual([
      "2026-01-01 New Year’s Day",
      "2026-04-03 Good Friday",
      "2026-04-06 Easter Monday",
      "2026-06-08 Extra bank holiday",
      "2026-12-25 Christmas Day",
      "2026-12-28 Boxing Day",
    ]);
    expect(days.map((d) => d.date)).not.toContain("2026-08-31");
    expect(days.filter((d) => d.date.startsWith("2027"))).toHaveLength(8);
  });
});

describe("importing GOV.UK's bank-holidays.json", () => {
  it("reads the England & Wales events in date order", () => {
    const reversed = [...official2026].reverse();
    expect(parseGovUkBankHolidays(govUkFile(reversed)).map((d) => d.date)).toEqual(official2026.map((e) => e.date));
  });

  it.each([
    ["text that is not JSON", "<html>Not found</html>", "not JSON"],
    ["a file without England & Wales", JSON.stringify({ scotland: { events: [] } }), "england-and-wales"],
    ["an empty list", govUkFile([]), "england-and-wales.events"],
    ["a date that does not exist", govUkFile([{ title: "Bad", date: "2026-02-30" }]), "events.0.date"],
    ["a date written day first", govUkFile([{ title: "Bad", date: "25/12/2026" }]), "YYYY-MM-DD"],
    ["an event without a title", govUkFile([{ date: "2026-12-25" }]), "events.0.title"],
  ])("refuses %s, saying where the problem is", (_label, text, mention) => {
    expect(() => parseGovUkBankHolidays(text)).toThrow(
      expect.objectContaining({
        code: "CALENDAR.BAD_HOLIDAY_FILE",
        message: expect.stringContaining(mention),
      }),
    );
  });
});
