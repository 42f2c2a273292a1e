import { describe, expect, it } from "vitest";
import { caseWithClocks } from "../../../../src/api/presenters/case-views.js";
import { readCase } from "../../../../src/app/queries/case-reading.js";
import { clocksNow, type ClockDeps } from "../../../../src/app/queries/clocks-now.js";
import type { Case } from "../../../../src/domain/case.js";
import { deadlines } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { at, calendar, caseOf } from "../../domain/rules/clock-fixtures.js";

const profile = loadProfile("family-solutions");
/** Wednesday 10:00 GMT, an hour after the contact the builder receives at 09:00. */
const NOW = new Date("2026-12-02T10:00:00.000Z");
const deps: ClockDeps = { profile, calendar, clock: { now: () => NOW } };
const CONTACT = "FC-2026-000123-contact-1";

const viewOf = (kase: Case) =>
  caseWithClocks(readCase({ case: kase, contacts: [], etag: "W/1" }, clocksNow(deps)), new Map());
const runningRules = (kase: Case) => viewOf(kase).clocks.map((c) => c.ruleId);
const received = () => aCase().ofKind("request-for-support").receivedAt("2026-12-02T09:00:00.000Z");

describe("rule 1.3 log the contact", () => {
  it("is met when the intake logs the contact, so a logged contact never shows it as due", () => {
    expect(runningRules(received().build())).not.toContain("1.3");
    const [clock] = deadlines(received().build(), profile, calendar, NOW).filter((d) => d.ruleId === "1.3");
    expect(clock).toMatchObject({ status: "met", stoppedAt: "2026-12-02T09:00:00.000Z", metOnTime: true });
  });

  it("is met late when a walk-in is entered after the working day it happened", () => {
    const walkIn = caseOf(
      "other",
      [
        at(
          "contact.received",
          "2026-12-02T15:00:00.000Z",
          { contactId: "c1", kind: "other", followUp: false },
          "2026-12-03T09:30:00.000Z",
        ),
      ],
      "awaiting-screening",
    );
    const [clock] = deadlines(walkIn, profile, calendar, NOW).filter((d) => d.ruleId === "1.3");
    expect(clock).toMatchObject({ status: "met", stoppedAt: "2026-12-03T09:30:00.000Z", metOnTime: false });
  });
});

describe("rules 1.2 and 2.2 on a case closed at screening (no further action)", () => {
  const closedAtScreening = () => received().screenedAs("no-further-action", { note: "Needs met by school." });

  it("keep running while the acknowledgement and the outcome letter are still to go: the referrer is owed both", () => {
    const kase = closedAtScreening().build();
    expect(kase.state).toBe("closed");
    expect(runningRules(kase)).toEqual(expect.arrayContaining(["1.2", "2.2"]));
  });

  it("are met once the outbox has sent both letters, leaving a closed case no running clock", () => {
    const kase = closedAtScreening()
      .withEvent("acknowledgement.sent", { contactId: CONTACT, outboxKey: "ack" }, { at: "2026-12-02T09:05:00.000Z" })
      .withEvent("screening-outcome.sent", { outboxKey: "outcome" }, { at: "2026-12-02T09:10:00.000Z" })
      .build();
    const view = viewOf(kase);
    expect(view.clocks).toEqual([]);
    expect(view.rag).toBe("none");
  });
});
