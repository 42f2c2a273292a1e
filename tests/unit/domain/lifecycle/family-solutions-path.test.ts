import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import { ClosureNotReadyError, CaseForbiddenError, CaseTransitionError } from "../../../../src/domain/errors.js";
import { caseSeed, openCase } from "../../../../src/domain/lifecycle/open-case.js";
import { replay } from "../../../../src/domain/lifecycle/evolve.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { act, caught, people } from "./act.js";

const profile = loadProfile("family-solutions");
const { dutyWorker, panelMember, practitioner, manager } = people;

const opening = {
  id: "FC-2026-000123",
  contactId: "msg-1",
  kind: "request-for-support" as const,
  receivedAt: "2026-12-21T09:30:00Z",
  actor: { kind: "system" as const, id: "mailbox-intake" },
  profile,
};

const closureReady = {
  "records-up-to-date": true,
  "documents-uploaded": true,
  "plan-actions-completed": true,
  "supervisor-tasks-done": true,
  "closure-summary": true,
};

describe("the Family Solutions path, contact to closure", () => {
  it("opens a case awaiting screening from a first contact", () => {
    const { case: kase, events } = openCase(opening);
    expect(kase.state).toBe("awaiting-screening");
    expect(kase.openedAt).toBe("2026-12-21T09:30:00.000Z");
    expect(events).toEqual([
      {
        seq: 1,
        type: "contact.received",
        at: "2026-12-21T09:30:00.000Z",
        by: opening.actor,
        data: { contactId: "msg-1", kind: "request-for-support", followUp: false },
      },
    ]);
  });

  it("goes screening → MAAM → allocation → casework → closure, every step an event of who, what, when and why", () => {
    let kase: Case = openCase(opening).case;
    const step = (who: typeof manager, at: string, command: Parameters<typeof act>[4]) => {
      const result = act(kase, profile, who, at, command);
      kase = result.case;
      return result.events;
    };

    step(dutyWorker, "2026-12-21T14:00:00Z", { type: "recordScreeningDecision", outcome: "maam" });
    expect(kase.state).toBe("awaiting-maam");

    step(panelMember, "2026-12-24T11:00:00Z", {
      type: "recordMaamDecision",
      outcome: "allocate",
      workerId: "worker-7",
    });
    expect(kase.state).toBe("awaiting-allocation");
    expect(kase.leadWorkerId).toBeUndefined();

    step(manager, "2026-12-29T09:00:00Z", { type: "allocate", workerId: "worker-7" });
    expect(kase).toMatchObject({ state: "allocated", leadWorkerId: "worker-7" });

    step(practitioner, "2026-12-30T10:00:00Z", { type: "recordInitialContact" });
    step(practitioner, "2027-01-04T15:00:00Z", { type: "recordVisit", childSeen: true });
    step(practitioner, "2027-01-20T12:00:00Z", { type: "completeAssessment" });
    step(manager, "2027-01-22T12:00:00Z", { type: "auditAssessment", checklist: { "voice-of-child": true } });
    step(practitioner, "2027-02-01T12:00:00Z", { type: "completePlan" });
    step(practitioner, "2027-03-10T12:00:00Z", { type: "holdReview" });
    step(practitioner, "2027-04-01T12:00:00Z", {
      type: "requestClosure",
      checklist: closureReady,
      summary: "Plan outcomes met; family supported by school nurse.",
    });
    expect(kase.state).toBe("closure-requested");

    const signOff = step(manager, "2027-04-02T16:00:00Z", { type: "signOffClosure", endDate: "2027-04-02" });
    expect(signOff).toEqual([
      {
        type: "closure.signed-off",
        at: "2027-04-02T16:00:00.000Z",
        by: manager.actor,
        data: { endDate: "2027-04-02" },
      },
    ]);
    expect(kase).toMatchObject({ state: "closed", closedAt: "2027-04-02T16:00:00.000Z", leadWorkerId: undefined });
    expect(kase.events.map((e) => e.seq)).toEqual(kase.events.map((_, i) => i + 1));
  });

  it("rebuilds the same case from its seed and its log", () => {
    const built = aCase()
      .receivedAt("2026-12-21T09:30:00Z")
      .allocatedOn("2026-12-21T15:00:00Z", "worker-3")
      .then({ type: "reallocate", toWorkerId: "worker-4", reason: "Worker on long-term leave" })
      .build();
    const seed = caseSeed({ ...opening, receivedAt: "2026-12-21T09:30:00Z" });
    expect(replay(seed, built.events)).toEqual(built);
    expect(built.leadWorkerId).toBe("worker-4");
  });
});

describe("rule 2.3 step-down to Early Help", () => {
  it("waits for allocation with the named worker recorded, then is allocated", () => {
    const screened = aCase().screenedAs("step-down-early-help", { workerId: "worker-2" }).build();
    expect(screened.state).toBe("awaiting-allocation");
    expect(screened.events.at(-1)?.data).toMatchObject({ outcome: "step-down-early-help", allocateTo: "worker-2" });
    const allocated = aCase().allocatedOn("2026-12-23T12:00:00Z", "worker-2").build();
    expect(allocated).toMatchObject({ state: "allocated", leadWorkerId: "worker-2" });
  });
});

describe("screening and MAAM outcomes that end or divert the path", () => {
  it.each([
    ["signpost", "closed"],
    ["no-further-action", "closed"],
    ["escalate-social-care", "escalated"],
    ["wraparound", "wraparound"],
  ] as const)("screening outcome %s takes the case to %s", (outcome, state) => {
    expect(aCase().screenedAs(outcome).build().state).toBe(state);
  });

  it.each([
    ["pre-allocation-list", "pre-allocation"],
    ["signpost", "closed"],
    ["no-further-action", "closed"],
    ["escalate-social-care", "escalated"],
  ] as const)("MAAM outcome %s takes the case to %s", (outcome, state) => {
    expect(aCase().screenedAs("maam").decidedAtMaam(outcome).build().state).toBe(state);
  });

  it("records the closing instant when screening signposts", () => {
    const kase = aCase().screenedAs("signpost", { at: "2026-12-23T15:00:00Z" }).build();
    expect(kase.closedAt).toBe("2026-12-23T15:00:00.000Z");
  });
});

describe("rule 3.3 the Pre-Allocation List", () => {
  it("takes weekly contacts by the duty worker until the case is allocated", () => {
    const kase = aCase()
      .screenedAs("maam")
      .decidedAtMaam("pre-allocation-list")
      .then({ type: "recordPreAllocationContact", note: "Phoned mum" }, { at: "2026-12-30T10:00:00Z" })
      .allocatedTo("worker-5", { at: "2027-01-05T10:00:00Z" })
      .build();
    expect(kase.events.map((e) => e.type)).toContain("pre-allocation.contact-recorded");
    expect(kase).toMatchObject({ state: "allocated", leadWorkerId: "worker-5" });
  });
});

describe("rule 4.1 first visit", () => {
  const allocated = () => aCase().allocatedOn("2026-12-23T12:00:00Z").then({ type: "recordInitialContact" });

  it("does not count a visit where the child was not seen: the assessment still waits for one", () => {
    const kase = allocated().then({ type: "recordVisit", childSeen: false }).build();
    const attempt = () => act(kase, profile, practitioner, "2026-12-30T10:00:00Z", { type: "completeAssessment" });
    expect(attempt).toThrow(CaseTransitionError);
    expect(attempt).toThrow(/child was seen and spoken to/);
  });

  it("counts the visit where the child was seen and spoken to", () => {
    const kase = allocated().then({ type: "recordVisit", childSeen: true }).build();
    const { case: after } = act(kase, profile, practitioner, "2026-12-30T10:00:00Z", { type: "completeAssessment" });
    expect(after.events.at(-1)?.type).toBe("assessment.completed");
  });

  it("needs the initial contact recorded before a visit", () => {
    const kase = aCase().allocatedOn("2026-12-23T12:00:00Z").build();
    expect(() =>
      act(kase, profile, practitioner, "2026-12-24T10:00:00Z", { type: "recordVisit", childSeen: true }),
    ).toThrow(/initial contact/);
  });

  it("stamps a visit written up the next day with when it happened and when it was recorded (10.1)", () => {
    const kase = allocated().build();
    const { events } = act(kase, profile, practitioner, "2026-12-29T09:15:00Z", {
      type: "recordVisit",
      childSeen: true,
      lateInDay: true,
      occurredAt: "2026-12-24T16:30:00Z",
    });
    expect(events[0]).toMatchObject({
      at: "2026-12-24T16:30:00.000Z",
      recordedAt: "2026-12-29T09:15:00.000Z",
      by: practitioner.actor,
      data: { childSeen: true, lateInDay: true },
    });
  });
});

describe("rule 8.2 closure-ready checklist and 8.1 manager sign-off", () => {
  const readyToClose = () => aCase().allocatedOn("2026-12-23T12:00:00Z", "worker-9").build();

  it("refuses a closure request listing every outstanding item in the profile's words", () => {
    const attempt = () =>
      act(readyToClose(), profile, practitioner, "2027-03-01T10:00:00Z", {
        type: "requestClosure",
        checklist: { ...closureReady, "documents-uploaded": false, "supervisor-tasks-done": false },
        summary: "Done",
      });
    const error = caught(attempt);
    expect(error).toBeInstanceOf(ClosureNotReadyError);
    expect(error).toMatchObject({
      code: "CASE.CLOSURE_NOT_READY",
      missing: ["Relevant documents are uploaded", "Further tasks directed by the supervisor are done"],
    });
    expect(error.message).toContain("Relevant documents are uploaded");
  });

  it("refuses a closure request without a written summary", () => {
    expect(() =>
      act(readyToClose(), profile, practitioner, "2027-03-01T10:00:00Z", {
        type: "requestClosure",
        checklist: closureReady,
        summary: "  ",
      }),
    ).toThrow(/closure summary/);
  });

  it("lets only a manager sign off, and a rejected request returns the case to its worker", () => {
    const requested = act(readyToClose(), profile, practitioner, "2027-03-01T10:00:00Z", {
      type: "requestClosure",
      checklist: closureReady,
      summary: "Outcomes met",
    }).case;
    expect(() =>
      act(requested, profile, practitioner, "2027-03-02T10:00:00Z", { type: "signOffClosure", endDate: "2027-03-02" }),
    ).toThrow(CaseForbiddenError);
    const rejected = act(requested, profile, manager, "2027-03-02T10:00:00Z", {
      type: "rejectClosure",
      reason: "Voice of the child not evidenced",
    });
    expect(rejected.case).toMatchObject({ state: "allocated", leadWorkerId: "worker-9" });
    expect(rejected.events[0]?.why).toBe("Voice of the child not evidenced");
  });
});

describe("rules 7.2–7.4 escalation to Social Care", () => {
  const escalated = () =>
    aCase()
      .allocatedOn("2026-12-23T12:00:00Z", "worker-1")
      .then({ type: "recordEscalation", requestForSupportAttached: true, note: "Disclosure at school" })
      .build();

  it("needs the escalation case note and Request for Support before Level 4 is confirmed", () => {
    const kase = aCase().screenedAs("escalate-social-care").build();
    expect(() =>
      act(kase, profile, practitioner, "2026-12-28T10:00:00Z", { type: "confirmLevel4", wraparound: false }),
    ).toThrow(/Request for Support/);
  });

  it("moves the key worker to the wraparound role when wraparound support is needed (7.3)", () => {
    const { case: kase, events } = act(escalated(), profile, manager, "2026-12-28T10:00:00Z", {
      type: "confirmLevel4",
      wraparound: true,
    });
    expect(events.map((e) => e.type)).toEqual(["social-care.level4-confirmed", "case.reallocated"]);
    expect(kase).toMatchObject({ state: "wraparound", leadWorkerId: undefined, wraparoundWorkerId: "worker-1" });
  });

  it("lets only a manager deallocate the key worker for wraparound (7.3)", () => {
    expect(() =>
      act(escalated(), profile, practitioner, "2026-12-28T10:00:00Z", { type: "confirmLevel4", wraparound: true }),
    ).toThrow(CaseForbiddenError);
  });

  it("closes the case when Social Care needs no further Early Help (7.4)", () => {
    const { case: kase } = act(escalated(), profile, practitioner, "2026-12-28T10:00:00Z", {
      type: "confirmLevel4",
      wraparound: false,
    });
    expect(kase).toMatchObject({ state: "closed", closedAt: "2026-12-28T10:00:00.000Z", leadWorkerId: undefined });
  });
});

describe("rule 6.1 step-down from Social Care and 7.1 wraparound requests", () => {
  it("opens a step-down from Social Care straight into awaiting allocation", () => {
    const kase = aCase().ofKind("step-down-from-social-care").build();
    expect(kase.state).toBe("awaiting-allocation");
  });

  it("brings a wraparound case back to Early Help for allocation when Social Care steps it down", () => {
    const kase = aCase()
      .screenedAs("wraparound")
      .allocatedTo("worker-8")
      .then({ type: "receiveStepDownFromSocialCare", contactId: "msg-2" })
      .build();
    expect(kase).toMatchObject({ state: "awaiting-allocation", wraparoundWorkerId: undefined });
    expect(kase.events.at(-1)).toMatchObject({
      type: "contact.received",
      data: { contactId: "msg-2", kind: "step-down-from-social-care", followUp: false },
    });
  });

  it("excuses a recent-CYPA step-down its assessment (4.5), but no other case", () => {
    const stepDown = aCase().ofKind("step-down-from-social-care").allocatedTo("worker-2").build();
    const { events } = act(stepDown, profile, practitioner, "2026-12-24T10:00:00Z", {
      type: "recordAssessmentNotRequired",
    });
    expect(events[0]?.data).toEqual({ reason: "cypa-under-three-months" });
    const referral = aCase().allocatedOn("2026-12-23T12:00:00Z").build();
    expect(
      caught(() =>
        act(referral, profile, practitioner, "2026-12-24T10:00:00Z", { type: "recordAssessmentNotRequired" }),
      ).message,
    ).toContain("rule 4.5");
  });

  it("screens a wraparound request on an escalated case", () => {
    const kase = aCase().screenedAs("escalate-social-care").then({ type: "receiveWraparoundRequest" }).build();
    expect(kase.state).toBe("awaiting-screening");
  });
});
