import { describe, expect, it } from "vitest";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { caseWarnings } from "../../../../src/domain/rules/warnings.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { calendar } from "../rules/clock-fixtures.js";
import { act, caught, people } from "./act.js";

const profile = loadProfile("family-solutions");
const allocated = () => aCase().receivedAt("2026-06-01T09:00:00Z").allocatedOn("2026-06-01T10:00:00Z").build();
const flag = { type: "flagHighRisk", note: "Violence at home reported by school." } as const;
const clear = { type: "clearHighRisk", note: "Perpetrator has left; safety plan holding." } as const;

describe("rule 11.5: leads are aware of the team's most intensive and high-risk cases", () => {
  it("a manager flags a case high risk, saying why, and the flag raises the cited 11.5 warning", () => {
    const flagged = act(allocated(), profile, people.manager, "2026-06-02T10:00:00Z", flag);
    expect(flagged.case.highRisk).toBe(true);
    expect(flagged.events[0]).toMatchObject({
      type: "case.flagged-high-risk",
      by: people.manager.actor,
      why: flag.note,
      data: { note: flag.note },
    });
    expect(caseWarnings(flagged.case, profile, calendar).map((w) => [w.ruleId, w.citation.display])).toEqual([
      ["11.5", "Family Solutions Practice Framework §11.5"],
    ]);
  });

  it("a manager clears the flag, saying why, and the warning no longer stands", () => {
    const flagged = act(allocated(), profile, people.manager, "2026-06-02T10:00:00Z", flag).case;
    const cleared = act(flagged, profile, people.manager, "2026-07-02T10:00:00Z", clear).case;
    expect(cleared.highRisk).toBeUndefined();
    expect(cleared.events.at(-1)).toMatchObject({ type: "case.high-risk-cleared", why: clear.note });
    expect(caseWarnings(cleared, profile, calendar)).toEqual([]);
  });

  it("only a manager may flag or clear it", () => {
    for (const who of [people.practitioner, people.dutyWorker, people.panelMember]) {
      expect(caught(() => act(allocated(), profile, who, "2026-06-02T10:00:00Z", flag)).code).toBe("CASE.FORBIDDEN");
    }
    const flagged = act(allocated(), profile, people.manager, "2026-06-02T10:00:00Z", flag).case;
    expect(caught(() => act(flagged, profile, people.practitioner, "2026-06-03T10:00:00Z", clear)).code).toBe(
      "CASE.FORBIDDEN",
    );
  });

  it("needs a reason, is not flagged twice, and cannot be cleared when not flagged", () => {
    expect(
      caught(() => act(allocated(), profile, people.manager, "2026-06-02T10:00:00Z", { ...flag, note: " " })).message,
    ).toMatch(/say why/);
    const flagged = act(allocated(), profile, people.manager, "2026-06-02T10:00:00Z", flag).case;
    expect(caught(() => act(flagged, profile, people.manager, "2026-06-03T10:00:00Z", flag)).message).toMatch(
      /already flagged high risk/,
    );
    expect(caught(() => act(allocated(), profile, people.manager, "2026-06-03T10:00:00Z", clear)).message).toMatch(
      /not flagged high risk/,
    );
  });
});
