import { describe, expect, it } from "vitest";
import type { CaseEvent } from "../../../../src/domain/case-events.js";
import { matchesAnyEvent, matchesEvent } from "../../../../src/domain/rules/event-matcher.js";
import type { EventMatcher } from "../../../../src/domain/rules/profile-schema.js";

const screening = (outcome: string): CaseEvent => ({
  seq: 1,
  type: "screening.decided",
  at: "2026-03-02T10:00:00.000Z",
  by: { kind: "staff", id: "duty-1" },
  data: { outcome },
});

describe("event matchers (how a rule names its start, stop and cancel events)", () => {
  it.each<[string, EventMatcher, string, boolean]>([
    ["matches on the event type alone", { event: "screening.decided" }, "maam", true],
    ["does not match another event type", { event: "maam.decided" }, "maam", false],
    ["matches an equal scalar", { event: "screening.decided", where: { outcome: "maam" } }, "maam", true],
    ["rejects a different scalar", { event: "screening.decided", where: { outcome: "maam" } }, "nfa", false],
    ["matches one of a list", { event: "screening.decided", where: { outcome: ["nfa", "maam"] } }, "maam", true],
    ["rejects a value outside a list", { event: "screening.decided", where: { outcome: ["nfa"] } }, "maam", false],
    ["matches `not` a scalar", { event: "screening.decided", where: { outcome: { not: "maam" } } }, "nfa", true],
    ["rejects the excluded scalar", { event: "screening.decided", where: { outcome: { not: "maam" } } }, "maam", false],
    [
      "rejects any of an excluded list",
      { event: "screening.decided", where: { outcome: { not: ["maam", "nfa"] } } },
      "nfa",
      false,
    ],
    ["treats a missing field as unequal", { event: "screening.decided", where: { note: "x" } }, "maam", false],
  ])("%s", (_, matcher, outcome, expected) => {
    expect(matchesEvent(matcher, screening(outcome))).toBe(expected);
  });

  it("needs every `where` field to match", () => {
    const event: CaseEvent = {
      seq: 2,
      type: "contact.received",
      at: "2026-03-02T10:00:00.000Z",
      by: { kind: "system", id: "mailbox" },
      data: { contactId: "c1", kind: "dart", followUp: false },
    };
    expect(matchesEvent({ event: "contact.received", where: { kind: "dart", followUp: false } }, event)).toBe(true);
    expect(matchesEvent({ event: "contact.received", where: { kind: "dart", followUp: true } }, event)).toBe(false);
  });

  it("matches any of several matchers, and nothing for none", () => {
    const matchers: EventMatcher[] = [{ event: "maam.decided" }, { event: "screening.decided" }];
    expect(matchesAnyEvent(matchers, screening("maam"))).toBe(true);
    expect(matchesAnyEvent([], screening("maam"))).toBe(false);
  });
});
