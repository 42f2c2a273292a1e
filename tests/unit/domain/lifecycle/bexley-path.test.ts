import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import { ClosureChecklistMissingError, CaseTransitionError } from "../../../../src/domain/errors.js";
import type { CaseCommand } from "../../../../src/domain/lifecycle/commands.js";
import type { Profile } from "../../../../src/domain/rules/profile-schema.js";
import { replay } from "../../../../src/domain/lifecycle/evolve.js";
import { caseSeed, openCase } from "../../../../src/domain/lifecycle/open-case.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { act, caught, people, type Person } from "./act.js";

const profile = loadProfile("bexley");
const { dutyWorker, panelMember, practitioner, manager } = people;
const note = "Recorded in a test";

const newReferral = () => aCase().underProfile(profile).withId("FC-2026-000200").receivedAt("2026-12-21T09:30:00Z");
const consented = () => newReferral().then({ type: "recordConsent", given: true });
const accepted = () =>
  consented()
    .then({ type: "recordFrontDoorDecision", outcome: "family-wellbeing", note })
    .screenedAs("accept")
    .allocatedTo("key-worker-1");

function run(kase: Case, steps: [Person, string, CaseCommand][]): Case {
  return steps.reduce((current, [who, at, command]) => act(current, profile, who, at, command).case, kase);
}

describe("Bexley: consent, the Front Door decision, then the duty manager's review (seed 002 §2)", () => {
  it("opens a referral awaiting written consent", () => {
    const { case: kase } = openCase({
      id: "FC-2026-000200",
      contactId: "msg-1",
      kind: "request-for-support",
      receivedAt: "2026-12-21T09:30:00Z",
      actor: { kind: "system", id: "mailbox-intake" },
      profile,
    });
    expect(kase).toMatchObject({ state: "awaiting-consent", profileId: "bexley", frontDoor: true });
  });

  it("goes consent → Front Door → accepted → key worker → casework → transfer panel to Social Care → hand-over", () => {
    let kase = newReferral().build();
    kase = run(kase, [[dutyWorker, "2026-12-21T10:00:00Z", { type: "recordConsent", given: true }]]);
    expect(kase.state).toBe("awaiting-front-door-decision");
    kase = run(kase, [
      [dutyWorker, "2026-12-21T16:00:00Z", { type: "recordFrontDoorDecision", outcome: "family-wellbeing", note }],
    ]);
    expect(kase.state).toBe("awaiting-screening");
    kase = run(kase, [[manager, "2026-12-22T09:30:00Z", { type: "recordScreeningDecision", outcome: "accept", note }]]);
    expect(kase.state).toBe("awaiting-allocation");
    kase = run(kase, [
      [manager, "2026-12-22T11:00:00Z", { type: "allocate", workerId: "key-worker-1" }],
      [practitioner, "2026-12-23T10:00:00Z", { type: "recordInitialContact" }],
      [practitioner, "2026-12-24T10:00:00Z", { type: "recordVisit", childSeen: true }],
      [practitioner, "2027-01-12T10:00:00Z", { type: "completeAssessment" }],
      [practitioner, "2027-01-20T10:00:00Z", { type: "completePlan" }],
      [practitioner, "2027-04-15T10:00:00Z", { type: "holdReview" }],
    ]);
    expect(kase).toMatchObject({ state: "allocated", leadWorkerId: "key-worker-1" });

    const escalation = act(kase, profile, practitioner, "2027-05-03T10:00:00Z", {
      type: "recordEscalation",
      requestForSupportAttached: true,
      note: "Worries increasing",
    });
    expect(escalation.events.map((e) => e.type)).toEqual(["escalation.recorded", "transfer-panel.requested"]);
    expect(escalation.case.state).toBe("awaiting-transfer-panel");

    kase = run(escalation.case, [
      [
        panelMember,
        "2027-05-06T14:00:00Z",
        { type: "recordTransferPanelDecision", outcome: "transfer", direction: "to-social-care", note },
      ],
    ]);
    expect(kase).toMatchObject({ state: "escalated", leadWorkerId: "key-worker-1" });
    kase = run(kase, [
      [practitioner, "2027-05-10T10:00:00Z", { type: "recordHandoverMeeting" }],
      [practitioner, "2027-05-11T10:00:00Z", { type: "recordEndingLetter" }],
    ]);
    expect(kase.events.slice(-2).map((e) => e.type)).toEqual(["handover-meeting.held", "ending-letter.sent"]);
  });

  it("closes a referral when consent is refused", () => {
    const kase = newReferral().then({ type: "recordConsent", given: false }, { at: "2026-12-21T11:00:00Z" }).build();
    expect(kase).toMatchObject({ state: "closed", closedAt: "2026-12-21T11:00:00.000Z" });
  });

  it("overrides refused consent only with a recorded manager decision (seed 004)", () => {
    const refused: CaseCommand = { type: "recordConsent", given: false, overriddenByManagerDecision: true };
    const error = caught(() => act(newReferral().build(), profile, manager, "2026-12-21T11:00:00Z", refused));
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.message).toContain("is awaiting the parents' written consent");
    expect(error.message).toContain("recorded manager decision");

    const withDecision = newReferral()
      .then({ type: "recordCaseNote", noteType: "managers-decision", note: "Risk to child outweighs refusal" })
      .build();
    const { case: kase, events } = act(withDecision, profile, manager, "2026-12-21T11:00:00Z", refused);
    expect(events[0]?.data).toEqual({ given: false, overriddenByManagerDecision: true });
    expect(kase.state).toBe("awaiting-front-door-decision");
  });

  it.each([
    ["signpost", "closed"],
    ["escalate-social-care", "escalated"],
  ] as const)("Front Door outcome %s takes the referral to %s", (outcome, state) => {
    expect(consented().then({ type: "recordFrontDoorDecision", outcome, note }).build().state).toBe(state);
  });

  it("refuses a MAAM outcome at the Front Door, listing the Front Door's own", () => {
    const error = caught(() =>
      act(consented().build(), profile, dutyWorker, "2026-12-21T12:00:00Z", {
        type: "recordFrontDoorDecision",
        outcome: "allocate",
        note,
      }),
    );
    expect(error.code).toBe("CASE.UNKNOWN_OUTCOME");
    expect(error.message).toContain("family-wellbeing, signpost, escalate-social-care");
  });

  it("does not screen before the Front Door has decided", () => {
    const error = caught(() =>
      act(consented().build(), profile, manager, "2026-12-21T12:00:00Z", {
        type: "recordScreeningDecision",
        outcome: "accept",
        note,
      }),
    );
    expect(error.message).toMatch(/^Case FC-2026-000200 is awaiting the Front Door decision; it cannot be screened/);
  });
});

describe("Bexley: the weekly transfer panel moves cases to and from Social Care (seed 002)", () => {
  const stepDown = () => aCase().underProfile(profile).ofKind("step-down-from-social-care");

  it("puts a family stepped down from Social Care before the transfer panel", () => {
    const kase = stepDown().build();
    expect(kase.state).toBe("awaiting-transfer-panel");
    expect(kase.events.at(-1)).toMatchObject({
      type: "transfer-panel.requested",
      data: { direction: "to-early-help" },
    });
  });

  it("takes a transfer to Early Help to allocation, and closes one the panel declines", () => {
    const decide = (outcome: string) =>
      stepDown().then({ type: "recordTransferPanelDecision", outcome, direction: "to-early-help", note }).build();
    expect(decide("transfer").state).toBe("awaiting-allocation");
    expect(decide("no-transfer").state).toBe("closed");
  });

  it("keeps a case with its key worker when the panel declines a transfer to Social Care", () => {
    const kase = accepted()
      .then({ type: "recordEscalation", requestForSupportAttached: true })
      .then({ type: "recordTransferPanelDecision", outcome: "no-transfer", direction: "to-social-care", note })
      .build();
    expect(kase).toMatchObject({ state: "allocated", leadWorkerId: "key-worker-1" });
  });

  it("keeps the key worker when a family the service still leads comes back from Social Care", () => {
    const kase = accepted()
      .then({ type: "recordEscalation", requestForSupportAttached: true })
      .then({ type: "recordTransferPanelDecision", outcome: "transfer", direction: "to-social-care", note })
      .then({ type: "receiveStepDownFromSocialCare", contactId: "msg-4" })
      .then({ type: "recordTransferPanelDecision", outcome: "transfer", direction: "to-early-help", note })
      .build();
    expect(kase).toMatchObject({ state: "allocated", leadWorkerId: "key-worker-1" });
  });

  it("rebuilds a Bexley case from its seed and log, Front Door step included", () => {
    const built = accepted().build();
    const seed = caseSeed({
      id: built.id,
      contactId: "c",
      kind: built.kind,
      receivedAt: built.openedAt,
      actor: people.dutyWorker.actor,
      profile,
    });
    expect(replay(seed, built.events)).toEqual(built);
  });

  it("refuses a decision in the other direction from the one the case was put forward in", () => {
    const error = caught(() =>
      act(stepDown().build(), profile, panelMember, "2026-12-24T14:00:00Z", {
        type: "recordTransferPanelDecision",
        outcome: "transfer",
        direction: "to-social-care",
        note,
      }),
    );
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.message).toContain("is awaiting the transfer panel");
  });

  it("lets only a panel member or manager decide at the panel", () => {
    const error = caught(() =>
      act(stepDown().build(), profile, practitioner, "2026-12-24T14:00:00Z", {
        type: "recordTransferPanelDecision",
        outcome: "transfer",
        direction: "to-early-help",
        note,
      }),
    );
    expect(error.code).toBe("CASE.FORBIDDEN");
  });

  it("puts a Social Care step-down on a case the service already holds before the panel too", () => {
    const kase = consented()
      .then({ type: "recordFrontDoorDecision", outcome: "escalate-social-care", note })
      .then({ type: "receiveStepDownFromSocialCare", contactId: "msg-3" })
      .build();
    expect(kase.state).toBe("awaiting-transfer-panel");
  });
});

describe("closure under a framework without rule 8.2", () => {
  const closes = (rule: Profile["rules"][number]) =>
    rule.kind === "check" && rule.on.some((m) => m.event === "closure.requested");
  const withoutChecklist: Profile = { ...profile, rules: profile.rules.filter((r) => !closes(r)) };
  const withChecklist: Profile = {
    ...withoutChecklist,
    rules: [
      ...withoutChecklist.rules,
      {
        id: "case-file",
        kind: "check",
        name: "Case file complete at closure",
        citation: { document: Object.keys(profile.documents)[0] ?? "", section: "10" },
        on: [{ event: "closure.requested" }],
        items: [
          { id: "genogram", label: "Genogram and ecomap" },
          { id: "closure-letter", label: "Closure letter with the final plan" },
        ],
      },
    ],
  };

  it("refuses a closure request while the profile has no closure-ready checklist, saying who must fix it", () => {
    const error = caught(() =>
      act(accepted().build(), withoutChecklist, practitioner, "2027-03-01T10:00:00Z", {
        type: "requestClosure",
        checklist: {},
        summary: "Outcomes met",
      }),
    );
    expect(error).toBeInstanceOf(ClosureChecklistMissingError);
    expect(error.message).toContain("An administrator must add one to the profile");
  });

  it("judges the request against the check rule that applies only at closure", () => {
    const request = (checklist: Record<string, boolean>) =>
      act(accepted().build(), withChecklist, practitioner, "2027-03-01T10:00:00Z", {
        type: "requestClosure",
        checklist,
        summary: "Outcomes met",
      });
    expect(caught(() => request({ genogram: true }))).toMatchObject({
      missing: ["Closure letter with the final plan"],
    });
    expect(request({ genogram: true, "closure-letter": true }).case.state).toBe("closure-requested");
  });
});

describe("Bexley threshold disputes and signposting (seed 002 §2, §5)", () => {
  const escalatedAtFrontDoor = () =>
    consented().then({ type: "recordFrontDoorDecision", outcome: "escalate-social-care", note });

  it("lets a manager dispute the Front Door threshold once, and resolve it", () => {
    const disputed = escalatedAtFrontDoor().then({ type: "disputeThreshold", note: "We think tier 2" }).build();
    expect(disputed.events.at(-1)).toMatchObject({ type: "threshold.disputed", why: "We think tier 2" });
    expect(
      caught(() => act(disputed, profile, manager, "2026-12-22T10:00:00Z", { type: "disputeThreshold", note: "again" }))
        .message,
    ).toContain("already disputed");
    const { events } = act(disputed, profile, manager, "2026-12-22T10:00:00Z", {
      type: "resolveThresholdDispute",
      note: "Head of service upheld MASH",
    });
    expect(events[0]?.type).toBe("threshold-dispute.resolved");
  });

  it("has no threshold to dispute before the Front Door decides", () => {
    expect(
      caught(() =>
        act(consented().build(), profile, manager, "2026-12-22T10:00:00Z", { type: "disputeThreshold", note: "n" }),
      ).code,
    ).toBe("CASE.TRANSITION_NOT_ALLOWED");
  });

  it("lets only a manager agree to close and signpost an allocated family", () => {
    const kase = accepted().build();
    expect(
      caught(() => act(kase, profile, practitioner, "2027-02-01T10:00:00Z", { type: "agreeSignposting", note: "n" }))
        .code,
    ).toBe("CASE.FORBIDDEN");
    const { events } = act(kase, profile, manager, "2027-02-01T10:00:00Z", {
      type: "agreeSignposting",
      note: "Needs met by children's centre",
    });
    expect(events[0]).toMatchObject({ type: "signposting.agreed", data: { note: "Needs met by children's centre" } });
  });
});
