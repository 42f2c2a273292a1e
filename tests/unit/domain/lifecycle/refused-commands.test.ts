import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import {
  CaseForbiddenError,
  CaseTransitionError,
  InvalidCaseCommandError,
  UnknownOutcomeError,
} from "../../../../src/domain/errors.js";
import type { CaseCommand } from "../../../../src/domain/lifecycle/commands.js";
import { decide } from "../../../../src/domain/lifecycle/decide.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { act, caught, people, type Person } from "./act.js";

const profile = loadProfile("family-solutions");
const { dutyWorker, panelMember, practitioner, manager, admin } = people;
const at = "2026-12-28T10:00:00Z";

const awaitingScreening = () => aCase().withId("FC-2026-000123").build();
const awaitingMaam = () => aCase().screenedAs("maam").build();
const allocated = () => aCase().allocatedOn("2026-12-23T12:00:00Z", "worker-1").build();
const closed = () => aCase().screenedAs("signpost").build();
const closureRequested = () =>
  aCase()
    .allocatedOn("2026-12-23T12:00:00Z", "worker-1")
    .then({
      type: "requestClosure",
      summary: "Outcomes met",
      checklist: {
        "records-up-to-date": true,
        "documents-uploaded": true,
        "plan-actions-completed": true,
        "supervisor-tasks-done": true,
        "closure-summary": true,
      },
    })
    .build();

describe("a transition the path does not allow", () => {
  it("says in plain words why a case awaiting screening cannot be allocated", () => {
    const error = caught(() => act(awaitingScreening(), profile, manager, at, { type: "allocate", workerId: "w" }));
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.code).toBe("CASE.TRANSITION_NOT_ALLOWED");
    expect(error.message).toBe(
      "Case FC-2026-000123 is awaiting screening; it cannot be allocated until screening decides to step it down or MAAM decides to allocate.",
    );
  });

  it.each<[string, () => Case, CaseCommand, string]>([
    [
      "MAAM decides before screening",
      awaitingScreening,
      { type: "recordMaamDecision", outcome: "allocate" },
      "is awaiting screening",
    ],
    ["screening twice", awaitingMaam, { type: "recordScreeningDecision", outcome: "maam" }, "is awaiting MAAM"],
    ["allocating an allocated case", allocated, { type: "allocate", workerId: "w2" }, "is allocated"],
    ["an initial contact before allocation", awaitingMaam, { type: "recordInitialContact" }, "is awaiting MAAM"],
    ["a review before a plan", allocated, { type: "holdReview" }, "is allocated"],
    [
      "reallocating before allocation",
      awaitingScreening,
      { type: "reallocate", toWorkerId: "w", reason: "r" },
      "is awaiting screening",
    ],
    ["signing off without a request", allocated, { type: "signOffClosure", endDate: "2026-12-28" }, "is allocated"],
    [
      "requesting closure of a closed case",
      closed,
      { type: "requestClosure", checklist: {}, summary: "s" },
      "is closed",
    ],
    [
      "a pre-allocation contact on an allocated case",
      allocated,
      { type: "recordPreAllocationContact" },
      "is allocated",
    ],
    ["Level 4 on a case never escalated", allocated, { type: "confirmLevel4", wraparound: false }, "is allocated"],
    ["consent where none is asked", awaitingScreening, { type: "recordConsent", given: true }, "is awaiting screening"],
    [
      "a transfer panel decision with no panel",
      allocated,
      { type: "recordTransferPanelDecision", outcome: "transfer", direction: "to-social-care" },
      "is allocated",
    ],
    [
      "a second closure request",
      closureRequested,
      { type: "requestClosure", checklist: {}, summary: "s" },
      "is awaiting a manager's closure sign-off",
    ],
  ])("refuses %s, naming the state", (_name, build, command, phrase) => {
    const kase = build();
    const error = caught(() =>
      act(
        kase,
        profile,
        { ...manager, roles: ["manager", "duty-worker", "panel-member", "practitioner"] },
        at,
        command,
      ),
    );
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.code).toBe("CASE.TRANSITION_NOT_ALLOWED");
    expect(error.message).toContain(`Case ${kase.id} ${phrase}`);
  });
});

describe("who may decide", () => {
  it.each<[string, Person, () => Case, CaseCommand]>([
    ["a practitioner screening", practitioner, awaitingScreening, { type: "recordScreeningDecision", outcome: "maam" }],
    ["a panel member screening", panelMember, awaitingScreening, { type: "recordScreeningDecision", outcome: "maam" }],
    [
      "a duty worker deciding at MAAM",
      dutyWorker,
      awaitingMaam,
      { type: "recordMaamDecision", outcome: "pre-allocation-list" },
    ],
    [
      "a practitioner signing off closure",
      practitioner,
      closureRequested,
      { type: "signOffClosure", endDate: "2026-12-28" },
    ],
    ["a duty worker rejecting closure", dutyWorker, closureRequested, { type: "rejectClosure", reason: "r" }],
    [
      "a practitioner writing a Managers Decision",
      practitioner,
      allocated,
      { type: "recordCaseNote", noteType: "managers-decision", note: "n" },
    ],
    ["a practitioner reallocating", practitioner, allocated, { type: "reallocate", toWorkerId: "w2", reason: "r" }],
    ["an administrator recording a visit", admin, allocated, { type: "recordVisit", childSeen: true }],
  ])("refuses %s with CASE.FORBIDDEN", (_name, who, build, command) => {
    const error = caught(() => act(build(), profile, who, at, command));
    expect(error).toBeInstanceOf(CaseForbiddenError);
    expect(error.code).toBe("CASE.FORBIDDEN");
    expect(error.message).toMatch(/^Only .+ can /);
  });

  it.each<[string, Person, () => Case, CaseCommand]>([
    ["a duty worker screening", dutyWorker, awaitingScreening, { type: "recordScreeningDecision", outcome: "maam" }],
    ["a manager screening", manager, awaitingScreening, { type: "recordScreeningDecision", outcome: "maam" }],
    [
      "a panel member deciding at MAAM",
      panelMember,
      awaitingMaam,
      { type: "recordMaamDecision", outcome: "pre-allocation-list" },
    ],
    ["a manager signing off closure", manager, closureRequested, { type: "signOffClosure", endDate: "2026-12-28" }],
    [
      "a manager writing a Managers Decision",
      manager,
      allocated,
      { type: "recordCaseNote", noteType: "managers-decision", note: "n" },
    ],
  ])("allows %s", (_name, who, build, command) => {
    expect(act(build(), profile, who, at, command).events.length).toBeGreaterThan(0);
  });

  it("checks the role before the state, so the person learns first that it is not theirs to do", () => {
    const error = caught(() =>
      act(allocated(), profile, practitioner, at, { type: "recordScreeningDecision", outcome: "maam" }),
    );
    expect(error).toBeInstanceOf(CaseForbiddenError);
  });

  it("tells a member of staff that only the service records a letter sent, not to ask nobody", () => {
    const error = caught(() =>
      act(awaitingScreening(), profile, admin, at, {
        type: "recordLetterSent",
        letter: "acknowledgement",
        contactId: "c1",
        outboxKey: "k",
      }),
    );
    expect(error).toBeInstanceOf(CaseForbiddenError);
    expect(error.message).toBe(
      "Only the service itself can record that a letter was sent (case FC-2026-000123); it is not recorded by hand.",
    );
  });

  it("lets the mailbox intake attach a follow-up contact but not decide anything", () => {
    const intake = { actor: { kind: "system" as const, id: "mailbox-intake" }, roles: [] };
    const { events } = act(awaitingScreening(), profile, intake, at, {
      type: "attachFollowUpContact",
      contactId: "msg-9",
    });
    expect(events[0]).toMatchObject({ type: "contact.received", data: { contactId: "msg-9", followUp: true } });
    expect(
      caught(() => act(awaitingScreening(), profile, intake, at, { type: "recordScreeningDecision", outcome: "maam" })),
    ).toBeInstanceOf(CaseForbiddenError);
  });
});

describe("outcomes come from the profile", () => {
  it("refuses an outcome the profile does not offer at that decision, listing those it does", () => {
    const error = caught(() =>
      act(awaitingMaam(), profile, panelMember, at, { type: "recordMaamDecision", outcome: "maam" }),
    );
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error.code).toBe("CASE.UNKNOWN_OUTCOME");
    expect(error.message).toContain("allocate, pre-allocation-list");
  });

  it("refuses an outcome the lifecycle cannot place, even if a profile offers it", () => {
    const odd = { ...profile, screeningOutcomes: [{ id: "teleport", label: "Teleport", needs: [] }] };
    const error = caught(() =>
      act(awaitingScreening(), odd, dutyWorker, at, { type: "recordScreeningDecision", outcome: "teleport" }),
    );
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect(error.message).toContain("does not know where that outcome takes a case");
  });

  it("asks for what the outcome needs: a worker for MAAM allocation, a note for signposting", () => {
    const noWorker = caught(() =>
      act(awaitingMaam(), profile, panelMember, at, { type: "recordMaamDecision", outcome: "allocate" }),
    );
    expect(noWorker).toBeInstanceOf(InvalidCaseCommandError);
    expect(noWorker.message).toContain("needs the worker");
    const noNote = caught(() =>
      act(awaitingScreening(), profile, dutyWorker, at, { type: "recordScreeningDecision", outcome: "signpost" }),
    );
    expect(noNote.message).toContain("needs a note");
  });

  it("refuses a worker named with an outcome that does not allocate", () => {
    const error = caught(() =>
      act(awaitingScreening(), profile, dutyWorker, at, {
        type: "recordScreeningDecision",
        outcome: "maam",
        workerId: "w",
      }),
    );
    expect(error.code).toBe("CASE.INVALID_COMMAND");
  });
});

describe("a case is never without a lead (seed 000)", () => {
  it("changes the lead only by reallocation, with the reason as the why", () => {
    const { case: kase, events } = act(allocated(), profile, manager, at, {
      type: "reallocate",
      toWorkerId: "worker-2",
      reason: "Caseload balance",
    });
    expect(events[0]).toMatchObject({
      type: "case.reallocated",
      why: "Caseload balance",
      data: { fromWorkerId: "worker-1", toWorkerId: "worker-2", role: "lead" },
    });
    expect(kase.leadWorkerId).toBe("worker-2");
  });

  it("needs a reason to reallocate", () => {
    expect(
      caught(() => act(allocated(), profile, manager, at, { type: "reallocate", toWorkerId: "w2", reason: " " })).code,
    ).toBe("CASE.INVALID_COMMAND");
  });
});

describe("when a thing happened", () => {
  it("is now unless the command says it happened earlier", () => {
    const events = decide(
      allocated(),
      { type: "recordInitialContact" },
      { profile, ...practitioner, now: new Date(at) },
    );
    expect(events[0]).toEqual({
      type: "initial-contact.made",
      at: "2026-12-28T10:00:00.000Z",
      by: practitioner.actor,
      data: {},
    });
  });

  it("cannot be in the future", () => {
    const error = caught(() =>
      act(allocated(), profile, practitioner, at, { type: "recordInitialContact", occurredAt: "2026-12-29T10:00:00Z" }),
    );
    expect(error.code).toBe("CASE.INVALID_COMMAND");
  });

  it("must be a readable instant", () => {
    const error = caught(() =>
      act(allocated(), profile, practitioner, at, { type: "recordInitialContact", occurredAt: "yesterday" }),
    );
    expect(error.message).toContain("yesterday");
  });
});

describe("recording why a timescale was missed", () => {
  it("attaches the reason to a clock rule of the profile", () => {
    const { events } = act(allocated(), profile, practitioner, at, {
      type: "recordClockReason",
      rule: "4.1a",
      instance: 1,
      reason: "Family away over Christmas",
    });
    expect(events[0]).toMatchObject({ data: { rule: "4.1a", instance: 1, reason: "Family away over Christmas" } });
  });

  it("refuses a rule the profile does not have as a timescale", () => {
    expect(
      caught(() =>
        act(allocated(), profile, practitioner, at, {
          type: "recordClockReason",
          rule: "8.2",
          instance: 1,
          reason: "r",
        }),
      ).message,
    ).toContain('"8.2" is not a timescale');
  });
});
