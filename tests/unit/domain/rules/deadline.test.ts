import { describe, expect, it } from "vitest";
import { deadlines, nextDue } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { at, calendar, caseOf } from "./clock-fixtures.js";

const profile = loadProfile("family-solutions");

/** Received Wed 10 June 2026 11:00 BST and logged at once: 1.2 expected end of Thu 11th, maximum end of Sat 13th. */
const june = caseOf("front-door", [
  at("contact.received", "2026-06-10T10:00:00.000Z", { contactId: "c1", kind: "front-door", followUp: false }),
  at("contact.logged", "2026-06-10T10:00:00.000Z", { contactId: "c1" }),
]);
/** Received on Christmas Eve 16:00: 1.2 maximum end of Sun 27th falls before its expectation, end of Tue 29th. */
const christmas = caseOf("front-door", [
  at("contact.received", "2026-12-24T16:00:00.000Z", { contactId: "c1", kind: "front-door", followUp: false }),
]);

/** Decided at MAAM on Thu 25 March 2027 to allocate: 3.2 maximum end of Tue 30th, expected end of Wed 31st (Easter). */
const easter = caseOf("front-door", [at("maam.decided", "2027-03-25T11:00:00.000Z", { outcome: "allocate" })]);
const cases = { june, christmas, easter };

const statusOf = (rule: string, kase: keyof typeof cases, now: string) =>
  deadlines(cases[kase], profile, calendar, new Date(now)).find((d) => d.ruleId === rule)?.status;

describe("the status of a running clock (due soon = within 1 working day in this profile)", () => {
  it.each([
    ["1.1", "june", "2026-06-10T10:30:00.000Z", "on-track", "maximum two weeks away"],
    ["1.1", "june", "2026-06-23T09:00:00.000Z", "on-track", "maximum after the end of the next working day"],
    ["1.1", "june", "2026-06-24T09:00:00.000Z", "due-soon", "maximum by the end of the next working day"],
    ["1.2", "june", "2026-06-10T10:30:00.000Z", "due-soon", "expected by the end of the next working day"],
    ["1.2", "june", "2026-06-11T22:59:59.999Z", "due-soon", "at the last millisecond of the expected day"],
    ["1.2", "june", "2026-06-11T23:00:00.000Z", "overdue", "past the expectation, not the maximum"],
    ["1.2", "june", "2026-06-13T22:59:59.999Z", "overdue", "at the last millisecond of the maximum day"],
    ["1.2", "june", "2026-06-13T23:00:00.000Z", "breached", "past the maximum"],
    ["1.2", "christmas", "2026-12-24T16:30:00.000Z", "due-soon", "the maximum comes first over Christmas"],
    ["1.2", "christmas", "2026-12-28T09:00:00.000Z", "breached", "past the maximum though not the expectation"],
    ["3.2", "easter", "2027-03-25T12:00:00.000Z", "due-soon", "a maximum before the expectation is warned of first"],
  ] as const)("rule %s (%s case) at %s is %s: %s", (rule, kase, now, status, _why) => {
    expect(statusOf(rule, kase, now)).toBe(status);
  });
});

describe("the next due instant of a case (the deadline index)", () => {
  const nextAt = (kase: typeof june, now: string) => nextDue(deadlines(kase, profile, calendar, new Date(now)));

  it("is the earliest expectation still ahead", () => {
    expect(nextAt(june, "2026-06-10T10:30:00.000Z")).toBe("2026-06-11T22:59:59.999Z");
  });

  it("moves to the maximum once the expectation has passed", () => {
    expect(nextAt(june, "2026-06-12T09:00:00.000Z")).toBe("2026-06-13T22:59:59.999Z");
  });

  it("skips a breached clock for the next one still pending (rule 1.1)", () => {
    expect(nextAt(june, "2026-06-14T09:00:00.000Z")).toBe("2026-06-25T22:59:59.999Z");
  });

  it("takes a maximum that falls before its expectation", () => {
    const onlyAcknowledgement = deadlines(christmas, profile, calendar, new Date("2026-12-24T16:30:00.000Z")).filter(
      (d) => d.ruleId === "1.2",
    );
    expect(nextDue(onlyAcknowledgement)).toBe("2026-12-27T23:59:59.999Z");
  });

  it("is undefined when every clock is met or cancelled", () => {
    const done = caseOf("front-door", [
      at("contact.received", "2026-06-10T10:00:00.000Z", { contactId: "c1", kind: "front-door", followUp: false }),
      at("contact.logged", "2026-06-10T10:00:00.000Z", { contactId: "c1" }),
      at("acknowledgement.sent", "2026-06-10T11:00:00.000Z", { contactId: "c1", outboxKey: "k" }),
      at("screening.decided", "2026-06-11T10:00:00.000Z", { outcome: "no-further-action" }),
      at("screening-outcome.sent", "2026-06-11T11:00:00.000Z", { outboxKey: "k2" }),
    ]);
    expect(nextAt(done, "2026-06-12T09:00:00.000Z")).toBeUndefined();
  });
});
