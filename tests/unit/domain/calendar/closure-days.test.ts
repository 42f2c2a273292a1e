import { describe, expect, it } from "vitest";
import { parseClosureDays } from "../../../../src/domain/calendar/closure-days.js";

describe("a Family Centre's closure days file", () => {
  it("reads a JSON list of dated closures", () => {
    const text = JSON.stringify([
      { date: "2026-12-24", name: "Christmas shutdown" },
      { date: "2026-12-29", name: "Christmas shutdown" },
    ]);
    expect(parseClosureDays(text)).toEqual([
      { date: "2026-12-24", name: "Christmas shutdown" },
      { date: "2026-12-29", name: "Christmas shutdown" },
    ]);
  });

  it.each([
    ["text that is not JSON", "24/12/2026 Christmas", "not JSON"],
    ["an object instead of a list", JSON.stringify({ date: "2026-12-24" }), "top level"],
    ["a date that does not exist", JSON.stringify([{ date: "2026-11-31", name: "Staff day" }]), "at 0.date"],
    ["a closure without a name", JSON.stringify([{ date: "2026-12-24" }]), "at 0.name"],
  ])("refuses %s, saying where the problem is", (_label, text, mention) => {
    expect(() => parseClosureDays(text)).toThrow(
      expect.objectContaining({ code: "CALENDAR.BAD_CLOSURE_DAYS_FILE", message: expect.stringContaining(mention) }),
    );
  });
});
