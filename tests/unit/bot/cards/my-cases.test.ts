import { describe, expect, it } from "vitest";
import { myCasesCards } from "../../../../bot/cards/my-cases.js";
import { cardProblems, cardText } from "../../../support/adaptive-card.js";
import { aCase, clocksAt, timeZone } from "./card-fixtures.js";

const now = "2026-11-10T09:00:00Z";
// Allocated on different days: the oldest allocation has the most urgent clocks.
const allocated = (id: string, on: string) => aCase().withId(id).receivedAt(on).allocatedOn(on, "w-jo").build();
const fresh = allocated("FC-2026-000601", "2026-11-09T10:00:00Z");
const late = allocated("FC-2026-000602", "2026-11-02T10:00:00Z");
const entry = (kase: ReturnType<typeof allocated>) => ({ case: kase, clocks: clocksAt(kase, now) });

describe("my cases (personal chat)", () => {
  it("is a valid Adaptive Card 1.5", () => {
    expect(cardProblems(myCasesCards({ timeZone, cases: [entry(fresh), entry(late)] })[0]!)).toEqual([]);
  });

  it("lists cases in the order the query gave (most urgent first, as the tab orders them), its next clock coloured", () => {
    const json = cardText(myCasesCards({ timeZone, cases: [entry(late), entry(fresh)] }));
    expect(json.indexOf("FC-2026-000602")).toBeLessThan(json.indexOf("FC-2026-000601"));
    expect(json).toContain('"color":"attention"');
  });

  it("names the kind of a case once when its summary is still the kind", () => {
    const kase = {
      ...aCase().withId("FC-2026-000603").ofKind("early-help-assessment").build(),
      summary: "Early Help Assessment",
    };
    const json = cardText(myCasesCards({ timeZone, cases: [{ case: kase, clocks: clocksAt(kase, now) }] }));
    expect(json).toContain("FC-2026-000603 · Early Help Assessment");
    expect(json).not.toContain("Early Help Assessment · Early Help Assessment");
  });

  it("rule 11.5: marks a case a manager flagged high risk", () => {
    const kase = { ...aCase().withId("FC-2026-000604").build(), highRisk: true };
    const json = cardText(myCasesCards({ timeZone, cases: [{ case: kase, clocks: clocksAt(kase, now) }] }));
    expect(json).toMatch(/FC-2026-000604 · [^"]+ · ⚠ High risk/);
  });

  it("says so when there are none", () => {
    expect(cardText(myCasesCards({ timeZone, cases: [] }))).toContain("You have no open cases.");
  });

  it("a long caseload comes in parts that each fit a Teams message, every case once, most urgent first", () => {
    const cases = Array.from({ length: 50 }, (_, i) =>
      entry(allocated(`FC-2026-${String(700 + i).padStart(6, "0")}`, "2026-11-02T10:00:00Z")),
    );
    const parts = myCasesCards({ timeZone, cases });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(cardProblems(part)).toEqual([]);
    expect(cardText(parts.at(-1))).toContain(`(part ${parts.length} of ${parts.length})`);
    const listed = [...new Set(parts.flatMap((p) => cardText(p).match(/FC-2026-\d{6}/g) ?? []))];
    expect(listed).toEqual(cases.map((c) => c.case.id));
  });
});
