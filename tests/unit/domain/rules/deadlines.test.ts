import { describe, expect, it } from "vitest";
import { deadlines, isRunning, practitionerDeadlines } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { at, calendar, caseOf, inOrder } from "./clock-fixtures.js";

const profile = loadProfile("family-solutions");
/** The builder's first contact; a second new contact is added as a raw event. */
const FIRST_CONTACT = "FC-2026-000123-contact-1";
const closureReady = {
  "records-up-to-date": true,
  "documents-uploaded": true,
  "plan-actions-completed": true,
  "supervisor-tasks-done": true,
  "closure-summary": true,
};
const ack = (contactId: string) => ({ contactId, outboxKey: `FC-2026-000123~1.2~${contactId}` });
const managersDecision = (instant: string) => at("case-note.recorded", instant, { noteType: "managers-decision" });
const of = (rule: string, all: ReturnType<typeof deadlines>) => all.filter((d) => d.ruleId === rule);

describe("rule 1.2 acknowledgement, one clock per contact", () => {
  const kase = aCase()
    .ofKind("front-door")
    .receivedAt("2026-06-10T10:00:00.000Z")
    .withEvent(
      "contact.received",
      { contactId: "c2", kind: "front-door", followUp: false },
      { at: "2026-06-10T11:00:00.000Z" },
    )
    .withEvent("acknowledgement.sent", ack("c2"), { at: "2026-06-10T12:00:00.000Z" })
    .withEvent("acknowledgement.sent", ack(FIRST_CONTACT), { at: "2026-06-12T09:00:00.000Z" })
    .build();
  const [first, second] = of("1.2", deadlines(kase, profile, calendar, new Date("2026-06-15T09:00:00.000Z")));

  it("runs a clock for each contact on the case, stopped by that contact's own acknowledgement", () => {
    expect(first).toMatchObject({
      instance: 1,
      key: FIRST_CONTACT,
      status: "met",
      stoppedAt: "2026-06-12T09:00:00.000Z",
    });
    expect(second).toMatchObject({ instance: 2, key: "c2", status: "met", stoppedAt: "2026-06-10T12:00:00.000Z" });
  });

  it("reports a late acknowledgement as not on time but within the maximum", () => {
    expect(first).toMatchObject({ metOnTime: false, withinMaximum: true });
    expect(second).toMatchObject({ metOnTime: true, withinMaximum: true });
  });

  it("cites the Practice Framework section it comes from", () => {
    expect(first?.citation).toEqual({
      document: "Practice Framework",
      section: "1.2",
      display: "Family Solutions Practice Framework §1.2",
    });
    expect(first?.ruleName).toBe("Acknowledge the referrer");
  });
});

describe("rule 1.2 acknowledgement returned by the referrer's mail server", () => {
  const bounced = () =>
    aCase()
      .receivedAt("2026-06-10T10:00:00.000Z")
      .withEvent("acknowledgement.sent", ack(FIRST_CONTACT), { at: "2026-06-10T10:30:00.000Z" })
      .withEvent("acknowledgement.not-delivered", ack(FIRST_CONTACT), { at: "2026-06-10T10:35:00.000Z" });

  it("is not met by an acknowledgement that bounced: it runs on from receipt", () => {
    const [clock] = of("1.2", deadlines(bounced().build(), profile, calendar, new Date("2026-06-11T09:00:00.000Z")));
    expect(clock).toMatchObject({ key: FIRST_CONTACT, status: "due-soon", startedAt: "2026-06-10T10:00:00.000Z" });
    expect(clock?.stoppedAt).toBeUndefined();
  });

  it("is breached once its 3-calendar-day maximum passes with no acknowledgement delivered", () => {
    const [clock] = of("1.2", deadlines(bounced().build(), profile, calendar, new Date("2026-06-15T09:00:00.000Z")));
    expect(clock).toMatchObject({ status: "breached" });
  });

  it("is met by the acknowledgement sent again after the bounce", () => {
    const resent = bounced()
      .withEvent("acknowledgement.sent", ack(FIRST_CONTACT), { at: "2026-06-11T09:00:00.000Z" })
      .build();
    const [clock] = of("1.2", deadlines(resent, profile, calendar, new Date("2026-06-15T09:00:00.000Z")));
    expect(clock).toMatchObject({ status: "met", stoppedAt: "2026-06-11T09:00:00.000Z", metOnTime: true });
  });

  it("is not met by an acknowledgement recorded sent only after its bounce arrived (its sender stopped between)", () => {
    const { outboxKey } = ack(FIRST_CONTACT);
    const kase = aCase()
      .receivedAt("2026-06-10T10:00:00.000Z")
      .withEvent("acknowledgement.not-delivered", ack(FIRST_CONTACT), { at: "2026-06-10T10:35:00.000Z" })
      .then(
        { type: "recordLetterSent", letter: "acknowledgement", contactId: FIRST_CONTACT, outboxKey },
        { at: "2026-06-10T10:40:00.000Z", bySystem: true },
      )
      .build();
    expect(kase.events.at(-1)).toMatchObject({ type: "acknowledgement.sent", data: { outboxKey, returned: true } });
    const [clock] = of("1.2", deadlines(kase, profile, calendar, new Date("2026-06-11T09:00:00.000Z")));
    expect(clock).toMatchObject({ key: FIRST_CONTACT, status: "due-soon" });
    expect(clock?.stoppedAt).toBeUndefined();
  });

  it("leaves another contact's met acknowledgement alone", () => {
    const other = aCase()
      .receivedAt("2026-06-10T10:00:00.000Z")
      .withEvent("acknowledgement.sent", ack(FIRST_CONTACT), { at: "2026-06-10T10:30:00.000Z" })
      .withEvent("acknowledgement.not-delivered", ack("another-contact"), { at: "2026-06-10T10:35:00.000Z" })
      .build();
    const [clock] = of("1.2", deadlines(other, profile, calendar, new Date("2026-06-15T09:00:00.000Z")));
    expect(clock).toMatchObject({ status: "met", stoppedAt: "2026-06-10T10:30:00.000Z" });
  });
});

describe("rules 1.2 and 2.2 do not apply to a DART", () => {
  const kase = aCase()
    .ofKind("dart")
    .receivedAt("2026-06-10T10:00:00.000Z")
    .screenedAs("maam", { at: "2026-06-11T10:00:00.000Z" })
    .build();
  const ids = deadlines(kase, profile, calendar, new Date("2026-06-11T11:00:00.000Z")).map((d) => d.ruleId);

  it("runs no acknowledgement or screening-outcome clock for a DART", () => {
    expect(ids).not.toContain("1.2");
    expect(ids).not.toContain("2.2");
  });

  it("still runs the MAAM and contact-logging clocks", () => {
    expect(ids).toEqual(expect.arrayContaining(["1.1", "1.3"]));
  });
});

describe("rule 1.1 present at MAAM: cancelled versus breached", () => {
  const received = () => aCase().ofKind("front-door").receivedAt("2026-06-01T10:00:00.000Z");

  it("is cancelled when screening sends the case anywhere but MAAM", () => {
    const kase = received()
      .screenedAs("step-down-early-help", { at: "2026-06-02T10:00:00.000Z", workerId: "w1" })
      .build();
    const [clock] = of("1.1", deadlines(kase, profile, calendar, new Date("2026-06-20T09:00:00.000Z")));
    expect(clock).toMatchObject({ status: "cancelled", cancelledAt: "2026-06-02T10:00:00.000Z" });
  });

  it("is breached when screening sends it to MAAM and MAAM has not decided by the maximum", () => {
    const kase = received().screenedAs("maam", { at: "2026-06-02T10:00:00.000Z" }).build();
    const [clock] = of("1.1", deadlines(kase, profile, calendar, new Date("2026-06-17T09:00:00.000Z")));
    expect(clock).toMatchObject({
      status: "breached",
      maximum: { at: "2026-06-16T22:59:59.999Z", londonDate: "2026-06-16" },
    });
  });

  it("is met outside the maximum when MAAM decides late", () => {
    const kase = received()
      .screenedAs("maam", { at: "2026-06-02T10:00:00.000Z" })
      .decidedAtMaam("allocate", { at: "2026-06-18T10:00:00.000Z", workerId: "w1" })
      .build();
    const [clock] = of("1.1", deadlines(kase, profile, calendar, new Date("2026-06-20T09:00:00.000Z")));
    expect(clock).toMatchObject({ status: "met", metOnTime: false, withinMaximum: false });
  });
});

describe("closure sign-off (rule 8.1)", () => {
  const kase = aCase()
    .ofKind("front-door")
    .receivedAt("2026-05-01T09:00:00.000Z")
    .allocatedOn("2026-05-01T10:00:00.000Z")
    .then(
      { type: "requestClosure", checklist: closureReady, summary: "Goals met." },
      { at: "2026-06-01T10:00:00.000Z" },
    )
    .then({ type: "signOffClosure", endDate: "2026-06-02" }, { at: "2026-06-02T10:00:00.000Z" })
    .build();
  const all = deadlines(kase, profile, calendar, new Date("2026-07-01T09:00:00.000Z"));

  it("is met by the sign-off itself", () => {
    expect(of("8.1", all)).toMatchObject([
      { status: "met", stoppedAt: "2026-06-02T10:00:00.000Z", withinMaximum: true },
    ]);
  });

  it("4.3, 4.1a and 11.1m stay breached when a case already past their maximum is signed off", () => {
    const breached = all.filter((d) => ["4.1a", "4.3", "11.1m"].includes(d.ruleId));
    expect(breached.map((d) => [d.ruleId, d.status, d.endedAt, d.maximum?.londonDate])).toEqual([
      ["4.1a", "breached", "2026-06-02T10:00:00.000Z", "2026-05-03"],
      ["4.3", "breached", "2026-06-02T10:00:00.000Z", "2026-05-29"],
      ["11.1m", "breached", "2026-06-02T10:00:00.000Z", "2026-06-01"],
    ]);
  });

  it("5.1a, still within its maximum at sign-off, is cancelled", () => {
    expect(of("5.1a", all).map((d) => [d.status, d.cancelledAt])).toEqual([["cancelled", "2026-06-02T10:00:00.000Z"]]);
  });

  it("leaves nothing running on the closed case but 11.1's oversight of the closure", () => {
    expect(all.filter(isRunning).map((d) => [d.ruleId, d.startedAt])).toEqual([["11.1", "2026-06-01T10:00:00.000Z"]]);
  });

  it("11.1 closure oversight breaches 3 calendar days after the request when no Managers Decision is recorded", () => {
    expect(of("11.1", all)).toMatchObject([{ status: "breached", maximum: { londonDate: "2026-06-04" } }]);
    expect(of("11.1", all)[0]?.endedAt).toBeUndefined();
  });

  it("11.1 closure oversight is met by a Managers Decision recorded after the sign-off", () => {
    const overseen = {
      ...kase,
      events: [...kase.events, { ...managersDecision("2026-06-03T09:00:00.000Z"), seq: 99 }],
    };
    const clocks = deadlines(overseen as typeof kase, profile, calendar, new Date("2026-07-01T09:00:00.000Z"));
    expect(of("11.1", clocks)).toMatchObject([{ status: "met", stoppedAt: "2026-06-03T09:00:00.000Z" }]);
  });
});

describe("rule 7.4 Level 4 confirmed with no Early Help support", () => {
  const kase = aCase()
    .receivedAt("2026-05-01T09:00:00.000Z")
    .allocatedOn("2026-05-01T10:00:00.000Z")
    .then({ type: "recordEscalation", requestForSupportAttached: true }, { at: "2026-05-05T10:00:00.000Z" })
    .then({ type: "confirmLevel4", wraparound: false }, { at: "2026-05-08T10:00:00.000Z" })
    .build();
  const all = deadlines(kase, profile, calendar, new Date("2026-08-01T09:00:00.000Z"));

  it("closes the case, cancelling 4.3, 5.1a and 11.1m within their maximum instead of leaving them to breach", () => {
    expect(kase.state).toBe("closed");
    const casework = all.filter((d) => ["4.3", "5.1a", "11.1m"].includes(d.ruleId));
    expect(casework.map((d) => [d.ruleId, d.status, d.cancelledAt])).toEqual([
      ["4.3", "cancelled", "2026-05-08T10:00:00.000Z"],
      ["5.1a", "cancelled", "2026-05-08T10:00:00.000Z"],
      ["11.1m", "cancelled", "2026-05-08T10:00:00.000Z"],
    ]);
  });

  it("keeps 4.1a, already past its maximum when Level 4 was confirmed, breached", () => {
    expect(of("4.1a", all)).toMatchObject([{ status: "breached", endedAt: "2026-05-08T10:00:00.000Z" }]);
  });
});

describe("rule 1.1 and a step-down from Social Care", () => {
  it("1.1 does not run on a step-down case, which is allocated without screening or MAAM (6.1)", () => {
    const kase = aCase().ofKind("step-down-from-social-care").receivedAt("2026-06-01T10:00:00.000Z").build();
    const ids = deadlines(kase, profile, calendar, new Date("2026-07-01T09:00:00.000Z")).map((d) => d.ruleId);
    expect(kase.state).toBe("awaiting-allocation");
    expect(ids).toContain("6.1");
    expect(ids).not.toContain("1.1");
  });
});

describe("recurring clocks start their next instance at the stop", () => {
  const now = new Date("2026-10-05T09:00:00.000Z");

  it("rule 3.3: weekly contact while pre-allocated, until allocated", () => {
    const kase = aCase()
      .receivedAt("2026-08-20T10:00:00.000Z")
      .screenedAs("maam", { at: "2026-08-21T10:00:00.000Z" })
      .decidedAtMaam("pre-allocation-list", { at: "2026-09-01T10:00:00.000Z" })
      .then({ type: "recordPreAllocationContact" }, { at: "2026-09-07T14:00:00.000Z" })
      .allocatedTo("w1", { at: "2026-09-10T09:00:00.000Z" })
      .build();
    expect(of("3.3", deadlines(kase, profile, calendar, now))).toMatchObject([
      { instance: 1, status: "met", stoppedAt: "2026-09-07T14:00:00.000Z", withinMaximum: true },
      {
        instance: 2,
        startedAt: "2026-09-07T14:00:00.000Z",
        maximum: { at: "2026-09-14T22:59:59.999Z" },
        status: "cancelled",
        cancelledAt: "2026-09-10T09:00:00.000Z",
      },
    ]);
  });

  it("rule 3.3: a weekly contact already missed stays breached when the family is then allocated", () => {
    const kase = aCase()
      .receivedAt("2026-08-20T10:00:00.000Z")
      .screenedAs("maam", { at: "2026-08-21T10:00:00.000Z" })
      .decidedAtMaam("pre-allocation-list", { at: "2026-09-01T10:00:00.000Z" })
      .allocatedTo("w1", { at: "2026-09-10T09:00:00.000Z" })
      .build();
    expect(of("3.3", deadlines(kase, profile, calendar, now))).toMatchObject([
      { instance: 1, maximum: { londonDate: "2026-09-08" }, status: "breached", endedAt: "2026-09-10T09:00:00.000Z" },
    ]);
  });

  it("rule 5.1b: a plan review within 42 days of the last review", () => {
    const kase = caseOf("front-door", [
      at("plan.completed", "2026-03-16T10:00:00.000Z", {}),
      at("review.held", "2026-04-20T09:00:00.000Z", {}),
    ]);
    const reviews = of("5.1b", deadlines(kase, profile, calendar, new Date("2026-05-01T09:00:00.000Z")));
    expect(reviews).toMatchObject([
      { instance: 1, status: "met" },
      {
        instance: 2,
        startedAt: "2026-04-20T09:00:00.000Z",
        maximum: { at: "2026-06-01T22:59:59.999Z" },
        status: "on-track",
      },
    ]);
  });

  it("rule 11.1m: management oversight each calendar month", () => {
    const kase = caseOf("front-door", [
      at("case.allocated", "2026-01-30T10:00:00.000Z", { workerId: "w1", role: "lead" }),
      managersDecision("2026-02-20T10:00:00.000Z"),
    ]);
    expect(of("11.1m", deadlines(kase, profile, calendar, new Date("2026-02-21T09:00:00.000Z")))).toMatchObject([
      { instance: 1, status: "met", stoppedAt: "2026-02-20T10:00:00.000Z" },
      { instance: 2, startedAt: "2026-02-20T10:00:00.000Z", maximum: { at: "2026-03-20T23:59:59.999Z" } },
    ]);
  });

  it("rule 11.6: supervision every 4 weeks, per practitioner", () => {
    const events = inOrder([
      at("supervision.recorded", "2026-10-01T09:00:00.000Z", { practitionerId: "p1" }),
      at("supervision.recorded", "2026-10-12T09:00:00.000Z", { practitionerId: "p2" }),
      at("supervision.recorded", "2026-10-20T09:00:00.000Z", { practitionerId: "p1" }),
    ]);
    expect(practitionerDeadlines("p1", events, profile, calendar, now)).toMatchObject([
      { ruleId: "11.6", instance: 1, status: "met", stoppedAt: "2026-10-20T09:00:00.000Z" },
      {
        ruleId: "11.6",
        instance: 2,
        startedAt: "2026-10-20T09:00:00.000Z",
        maximum: { at: "2026-11-17T23:59:59.999Z" },
      },
    ]);
  });

  it("keeps practitioner clocks out of a case's deadlines", () => {
    const kase = caseOf("front-door", [
      at("supervision.recorded", "2026-10-01T09:00:00.000Z", { practitionerId: "p1" }),
    ]);
    expect(deadlines(kase, profile, calendar, now)).toEqual([]);
  });
});

describe("rule 10.1 case recording (recording delay)", () => {
  const kase = caseOf("front-door", [
    at("visit.completed", "2026-11-06T15:00:00.000Z", { childSeen: true }, "2026-11-10T09:00:00.000Z"),
    at("visit.completed", "2026-12-24T15:00:00.000Z", { childSeen: true }, "2026-12-29T09:00:00.000Z"),
    at("initial-contact.made", "2026-12-30T10:00:00.000Z", {}),
  ]);
  const recordings = of("10.1", deadlines(kase, profile, calendar, new Date("2027-01-05T09:00:00.000Z")));

  it("is late when a Friday visit is written up on Tuesday", () => {
    expect(recordings[0]).toMatchObject({
      status: "met",
      stoppedAt: "2026-11-10T09:00:00.000Z",
      maximum: { at: "2026-11-09T23:59:59.999Z" },
      metOnTime: false,
      withinMaximum: false,
    });
  });

  it("is on time when a Christmas Eve visit is written up on the next working day, Tue 29 Dec", () => {
    expect(recordings[1]).toMatchObject({ stoppedAt: "2026-12-29T09:00:00.000Z", metOnTime: true });
  });

  it("counts an event with no separate recording time as recorded when it happened", () => {
    expect(recordings[2]).toMatchObject({ stoppedAt: "2026-12-30T10:00:00.000Z", metOnTime: true });
  });
});

describe("a recorded reason for exceeding a clock", () => {
  const kase = aCase()
    .receivedAt("2026-06-10T10:00:00.000Z")
    .withEvent("acknowledgement.sent", ack(FIRST_CONTACT), { at: "2026-06-15T09:00:00.000Z" })
    .then(
      { type: "recordClockReason", rule: "1.2", instance: 1, reason: "The group mailbox was unavailable" },
      { at: "2026-06-15T10:00:00.000Z" },
    )
    .build();
  const all = deadlines(kase, profile, calendar, new Date("2026-06-16T09:00:00.000Z"));

  it("is attached to the exceeded instance it names (rule 1.2)", () => {
    expect(of("1.2", all)).toMatchObject([{ withinMaximum: false, reason: "The group mailbox was unavailable" }]);
  });

  it("is not attached to another rule's clock", () => {
    expect(of("1.1", all)[0]?.reason).toBeUndefined();
  });
});
