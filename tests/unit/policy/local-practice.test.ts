import { describe, expect, it } from "vitest";
import type { ClockRule } from "../../../src/domain/rules/profile-schema.js";
import { localPracticeRules, withLocalTimescales } from "../../../src/policy/local-practice.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";

const bexley = loadProfile("bexley");
const clock = (profile: typeof bexley, id: string) =>
  profile.rules.find((r): r is ClockRule => r.kind === "clock" && r.id === id);

describe("local-practice timescales (the document sets none, so the centre does)", () => {
  it("are Bexley's acknowledgement and outcome letter, 1 working day by default", () => {
    expect(localPracticeRules(bexley).map((r) => [r.id, r.maximum])).toEqual([
      ["acknowledgement", { amount: 1, unit: "working-days" }],
      ["outcome-letter", { amount: 1, unit: "working-days" }],
    ]);
    expect(localPracticeRules(loadProfile("family-solutions"))).toEqual([]);
  });

  it("take the timescale the centre chose in Settings in place of the default", () => {
    const chosen = withLocalTimescales(bexley, { "outcome-letter": { amount: 2, unit: "working-days" } });
    expect(clock(chosen, "outcome-letter")?.maximum).toEqual({ amount: 2, unit: "working-days" });
    expect(clock(chosen, "acknowledgement")?.maximum).toEqual({ amount: 1, unit: "working-days" });
  });

  it("never change a timescale the procedure itself sets (allocation within 24 hours)", () => {
    const chosen = withLocalTimescales(bexley, { allocation: { amount: 5, unit: "working-days" } });
    expect(clock(chosen, "allocation")?.maximum).toEqual({ amount: 24, unit: "hours" });
    expect(chosen).toBe(bexley);
  });
});
