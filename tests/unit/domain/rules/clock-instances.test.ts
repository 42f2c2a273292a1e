import { describe, expect, it } from "vitest";
import type { CaseEvent, CaseEventData, CaseEventType } from "../../../../src/domain/case-events.js";
import { clockInstances } from "../../../../src/domain/rules/clock-instances.js";
import { clockRuleSchema, type ClockRule } from "../../../../src/domain/rules/profile-schema.js";

/** The clock semantics on small rules written for the test, so each mechanism is seen on its own. */
const rule = (fields: Partial<Record<keyof ClockRule, unknown>>): ClockRule =>
  clockRuleSchema.parse({
    id: "t",
    name: "test clock",
    citation: { document: "doc", section: "t" },
    kind: "clock",
    maximum: { amount: 3, unit: "calendar-days" },
    ...fields,
  });

function log(...entries: [CaseEventType, string, Record<string, unknown>?, string?][]): CaseEvent[] {
  return entries.map(
    ([type, at, data = {}, recordedAt], i) =>
      ({
        seq: i + 1,
        type,
        at,
        ...(recordedAt !== undefined && { recordedAt }),
        by: { kind: "staff", id: "w1" },
        data: data as CaseEventData[typeof type],
      }) as CaseEvent,
  );
}

describe("clock semantics", () => {
  it("reopens a stopped instance of the same key at a reopenedBy event, to be met by a later stop", () => {
    const r = rule({
      start: [{ event: "contact.received" }],
      stop: [{ event: "acknowledgement.sent" }],
      reopenedBy: [{ event: "acknowledgement.not-delivered" }],
      correlateBy: "contactId",
    });
    const received = "2026-03-02T10:00:00.000Z";
    const bounced = log(
      ["contact.received", received, { contactId: "a" }],
      ["acknowledgement.sent", "2026-03-02T11:00:00.000Z", { contactId: "a" }],
      ["acknowledgement.not-delivered", "2026-03-02T11:05:00.000Z", { contactId: "a" }],
    );
    expect(clockInstances(r, bounced, "other")).toEqual([{ instance: 1, key: "a", startedAt: received }]);
    const resent = log(
      ["contact.received", received, { contactId: "a" }],
      ["acknowledgement.sent", "2026-03-02T11:00:00.000Z", { contactId: "a" }],
      ["acknowledgement.not-delivered", "2026-03-02T11:05:00.000Z", { contactId: "b" }],
      ["acknowledgement.not-delivered", "2026-03-02T11:06:00.000Z", { contactId: "a" }],
      ["acknowledgement.sent", "2026-03-02T12:00:00.000Z", { contactId: "a" }],
    );
    expect(clockInstances(r, resent, "other")).toEqual([
      { instance: 1, key: "a", startedAt: received, stoppedAt: "2026-03-02T12:00:00.000Z" },
    ]);
  });

  it("opens an instance at each start and stops every open one at the stop", () => {
    const r = rule({ start: [{ event: "contact.received" }], stop: [{ event: "acknowledgement.sent" }] });
    const events = log(
      ["contact.received", "2026-03-02T10:00:00.000Z"],
      ["contact.received", "2026-03-02T11:00:00.000Z"],
      ["acknowledgement.sent", "2026-03-02T12:00:00.000Z"],
    );
    expect(clockInstances(r, events, "request-for-support")).toEqual([
      { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", stoppedAt: "2026-03-02T12:00:00.000Z" },
      { instance: 2, startedAt: "2026-03-02T11:00:00.000Z", stoppedAt: "2026-03-02T12:00:00.000Z" },
    ]);
  });

  it("scans in seq order and does not stop an instance that started after the stop", () => {
    const r = rule({ start: [{ event: "contact.received" }], stop: [{ event: "acknowledgement.sent" }] });
    const [received, ack] = log(
      ["contact.received", "2026-03-02T13:00:00.000Z"],
      ["acknowledgement.sent", "2026-03-02T12:00:00.000Z"],
    );
    expect(clockInstances(r, [ack!, received!], "other")).toEqual([
      { instance: 1, startedAt: "2026-03-02T13:00:00.000Z" },
    ]);
  });

  it("with correlateBy, a stop closes only the instance with its own key", () => {
    const r = rule({
      start: [{ event: "contact.received" }],
      stop: [{ event: "acknowledgement.sent" }],
      correlateBy: "contactId",
    });
    const events = log(
      ["contact.received", "2026-03-02T10:00:00.000Z", { contactId: "a" }],
      ["contact.received", "2026-03-02T11:00:00.000Z", { contactId: "b" }],
      ["acknowledgement.sent", "2026-03-02T12:00:00.000Z", { contactId: "b" }],
    );
    expect(clockInstances(r, events, "other")).toEqual([
      { instance: 1, key: "a", startedAt: "2026-03-02T10:00:00.000Z" },
      { instance: 2, key: "b", startedAt: "2026-03-02T11:00:00.000Z", stoppedAt: "2026-03-02T12:00:00.000Z" },
    ]);
  });

  it("checks the stop before the cancellation of the same event", () => {
    const r = rule({
      start: [{ event: "closure.requested" }],
      stop: [{ event: "maam.decided" }],
      cancelledBy: [{ event: "maam.decided" }],
    });
    const events = log(["closure.requested", "2026-03-02T10:00:00.000Z"], ["maam.decided", "2026-03-03T10:00:00.000Z"]);
    expect(clockInstances(r, events, "other")[0]?.stoppedAt).toBe("2026-03-03T10:00:00.000Z");
    expect(clockInstances(r, events, "other")[0]?.cancelledAt).toBeUndefined();
  });

  it("closure sign-off ends what is still open, unmet (the deadline decides breached or cancelled)", () => {
    const r = rule({ start: [{ event: "case.allocated" }], stop: [{ event: "plan.completed" }] });
    const events = log(
      ["case.allocated", "2026-03-02T10:00:00.000Z"],
      ["closure.signed-off", "2026-03-04T10:00:00.000Z"],
    );
    expect(clockInstances(r, events, "other")).toEqual([
      { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", endedAt: "2026-03-04T10:00:00.000Z" },
    ]);
  });

  it("a cancelledBy event cancels: the case left the rule's path, so it never applied", () => {
    const r = rule({
      start: [{ event: "case.allocated" }],
      stop: [{ event: "plan.completed" }],
      cancelledBy: [{ event: "assessment.not-required" }],
    });
    const events = log(
      ["case.allocated", "2026-03-02T10:00:00.000Z"],
      ["assessment.not-required", "2026-03-20T10:00:00.000Z", { reason: "cypa-under-three-months" }],
    );
    expect(clockInstances(r, events, "other")).toEqual([
      { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", cancelledAt: "2026-03-20T10:00:00.000Z" },
    ]);
  });

  it("a rule that runs after closure goes on past the sign-off, to be met by its stop", () => {
    const r = rule({
      start: [{ event: "closure.requested" }],
      stop: [{ event: "case-note.recorded" }],
      runsAfterClosure: true,
    });
    const events = log(
      ["closure.requested", "2026-03-02T10:00:00.000Z"],
      ["closure.signed-off", "2026-03-03T10:00:00.000Z"],
      ["case-note.recorded", "2026-03-04T10:00:00.000Z", { noteType: "managers-decision" }],
    );
    expect(clockInstances(r, events, "other")).toEqual([
      { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", stoppedAt: "2026-03-04T10:00:00.000Z" },
    ]);
  });

  it("Social Care confirming Level 4 with no wraparound closes the case, so it ends what is open (7.4)", () => {
    const r = rule({ start: [{ event: "case.allocated" }], stop: [{ event: "plan.completed" }] });
    const events = log(
      ["case.allocated", "2026-03-02T10:00:00.000Z"],
      ["social-care.level4-confirmed", "2026-03-04T10:00:00.000Z", { wraparound: false }],
    );
    expect(clockInstances(r, events, "other")[0]?.endedAt).toBe("2026-03-04T10:00:00.000Z");
    const wraparound = log(
      ["case.allocated", "2026-03-02T10:00:00.000Z"],
      ["social-care.level4-confirmed", "2026-03-04T10:00:00.000Z", { wraparound: true }],
    );
    expect(clockInstances(r, wraparound, "other")[0]?.endedAt).toBeUndefined();
  });

  it("a recurring clock restarts at the stop once, even when the stop also matches its start", () => {
    const r = rule({
      start: [{ event: "review.held" }],
      stop: [{ event: "review.held" }],
      recurrence: { restartOn: "stop", until: [{ event: "case.allocated" }] },
    });
    const events = log(
      ["review.held", "2026-03-02T10:00:00.000Z"],
      ["review.held", "2026-03-05T10:00:00.000Z"],
      ["case.allocated", "2026-03-06T10:00:00.000Z"],
    );
    expect(clockInstances(r, events, "other")).toEqual([
      { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", stoppedAt: "2026-03-05T10:00:00.000Z" },
      { instance: 2, startedAt: "2026-03-05T10:00:00.000Z", endedAt: "2026-03-06T10:00:00.000Z" },
    ]);
  });

  it("appliesTo keeps a rule off cases of an excluded kind", () => {
    const r = rule({
      start: [{ event: "contact.received" }],
      stop: [{ event: "acknowledgement.sent" }],
      appliesTo: { excludeCaseKinds: ["dart"] },
    });
    const events = log(["contact.received", "2026-03-02T10:00:00.000Z"]);
    expect(clockInstances(r, events, "dart")).toEqual([]);
    expect(clockInstances(r, events, "front-door")).toHaveLength(1);
  });

  it("recording-delay gives each event its own instance, met when it was recorded", () => {
    const r = rule({
      start: [{ event: "visit.completed" }],
      stop: [{ event: "visit.completed" }],
      measure: "recording-delay",
    });
    const events = log(
      ["visit.completed", "2026-03-02T10:00:00.000Z", { childSeen: true }, "2026-03-04T09:00:00.000Z"],
      ["visit.completed", "2026-03-03T10:00:00.000Z", { childSeen: true }],
    );
    expect(clockInstances(r, events, "other")).toEqual([
      { instance: 1, startedAt: "2026-03-02T10:00:00.000Z", stoppedAt: "2026-03-04T09:00:00.000Z" },
      { instance: 2, startedAt: "2026-03-03T10:00:00.000Z", stoppedAt: "2026-03-03T10:00:00.000Z" },
    ]);
  });

  it("attaches the latest recorded reason to the instance it names", () => {
    const r = rule({ start: [{ event: "contact.received" }], stop: [{ event: "acknowledgement.sent" }] });
    const events = log(
      ["contact.received", "2026-03-02T10:00:00.000Z"],
      ["contact.received", "2026-03-02T11:00:00.000Z"],
      ["clock.reason-recorded", "2026-03-06T10:00:00.000Z", { rule: "t", instance: 2, reason: "first try" }],
      ["clock.reason-recorded", "2026-03-06T11:00:00.000Z", { rule: "t", instance: 2, reason: "mailbox outage" }],
      ["clock.reason-recorded", "2026-03-06T11:00:00.000Z", { rule: "other", instance: 1, reason: "not ours" }],
    );
    expect(clockInstances(r, events, "other").map((i) => i.reason)).toEqual([undefined, "mailbox outage"]);
  });
});
