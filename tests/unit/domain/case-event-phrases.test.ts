import { describe, expect, it } from "vitest";
import { eventPhrase } from "../../../src/domain/case-event-phrases.js";
import type { CaseEvent } from "../../../src/domain/case-events.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { at, inOrder } from "./rules/clock-fixtures.js";

const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");
const only = (events: ReturnType<typeof at>[]): CaseEvent => {
  const [event] = inOrder(events);
  if (event === undefined) throw new Error("no event");
  return event;
};

describe("the case timeline in words (bot case card and tab case page alike)", () => {
  it("names a screening decision's outcome as the profile labels it, not by its id", () => {
    const kase = aCase().screenedAs("no-further-action", { note: "Needs met by school." }).build();
    const decided = kase.events.find((e) => e.type === "screening.decided");
    expect(decided && eventPhrase(decided, familySolutions)).toBe("Screening decision recorded: No further action");
  });

  it("names a MAAM decision's outcome from the MAAM panel's outcomes", () => {
    const event = only([at("maam.decided", "2026-06-02T10:00:00.000Z", { outcome: "pre-allocation-list" })]);
    expect(eventPhrase(event, familySolutions)).toBe("MAAM decision recorded: Pre-Allocation List");
  });

  it("names a Front Door decision from the Bexley profile's Front Door outcomes", () => {
    const event = only([at("front-door.decided", "2026-06-02T10:00:00.000Z", { outcome: "escalate-social-care" })]);
    expect(eventPhrase(event, bexley)).toBe("Front Door decision recorded: Re-direct to Children's Social Care");
  });

  it("keeps the outcome's id when the profile no longer offers it, rather than dropping it", () => {
    const event = only([at("screening.decided", "2026-06-02T10:00:00.000Z", { outcome: "retired-outcome" })]);
    expect(eventPhrase(event, familySolutions)).toBe("Screening decision recorded: retired-outcome");
  });

  it("says an event without an outcome in its own words", () => {
    const event = only([
      at("contact.received", "2026-06-02T10:00:00.000Z", { contactId: "c1", kind: "dart", followUp: false }),
    ]);
    expect(eventPhrase(event, familySolutions)).toBe("Contact received");
  });
});
