import { describe, expect, it } from "vitest";
import { actionContext, isAvailable } from "../../../../src/app/actions/available-actions.js";
import type { CaseActionSpec } from "../../../../src/app/actions/case-action.js";
import { CASE_ACTIONS } from "../../../../src/app/actions/catalogue.js";
import type { Case } from "../../../../src/domain/case.js";
import { COMMAND_TYPES } from "../../../../src/domain/lifecycle/command-rules.js";
import type { CaseCommandType } from "../../../../src/domain/lifecycle/index.js";
import { STAFF_ROLES } from "../../../../src/domain/staff.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { closureChecklist } from "../../../../src/domain/lifecycle/decide-closure.js";
import { append } from "../../../../src/domain/lifecycle/evolve.js";
import type { NewCaseEvent } from "../../../../src/domain/case-events.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import type { Centres } from "../../../../src/ports/centres.js";
import { memoryApp } from "../memory-app.js";

/**
 * Commands only the service records (the outbox, the mailbox intake, a link's consequence on its target case): no
 * person takes them on a case page. `attachFollowUpContact` and `recordRescuedMail` are reached from the mailbox (an
 * email about a case; an email the service set aside, logged by a duty worker); `recordReceivedAgain` is the intake's;
 * `recordFrontDoorRoute` is the county Front Door's (issue 21 §4: routed by area, or from the county triage queue).
 */
const SERVICE_RECORDED: readonly CaseCommandType[] = [
  "recordLetterSent",
  "recordAcknowledgementNotDelivered",
  "receiveLinkedContact",
  "attachFollowUpContact",
  "recordReceivedAgain",
  "recordRescuedMail",
  "recordFrontDoorRoute",
];

const commandOf = (spec: CaseActionSpec) => ("command" in spec.allowed ? spec.allowed.command : undefined);

/** A county of two centres: a transfer has somewhere to go (only its offer is asked here). */
const ANOTHER_CENTRE: Centres = {
  self: { id: "main", name: "Family Centre North" },
  otherCentres: () => [{ id: "south", name: "Family Centre South" }],
  receiveTransfer: () => Promise.reject(new Error("no transfer is taken here")),
  transfersFrom: () => Promise.resolve([]),
};

/** Family Solutions' closure-ready checklist (8.2), every item ticked. */
const CLOSURE_READY = Object.fromEntries(
  (closureChecklist(loadProfile("family-solutions")) ?? []).map((item) => [item.id, true]),
);

/** Cases of both frameworks along the path, so every action has a state and a role in which it is offered. */
function casesAlongThePath(): Case[] {
  const on = "2026-03-02T09:00:00.000Z";
  const fs = () => aCase().receivedAt(on);
  const bexley = () => aCase().underProfile("bexley").receivedAt(on);
  const manager = { roles: ["manager"] as const };
  return [
    fs().build(),
    fs().screenedAs("maam").build(),
    fs().screenedAs("maam").decidedAtMaam("pre-allocation-list").build(),
    fs().allocatedOn(on).build(),
    fs().allocatedOn(on).then({ type: "recordInitialContact" }).then({ type: "recordVisit", childSeen: true }).build(),
    fs()
      .allocatedOn(on)
      .then({ type: "recordInitialContact" })
      .then({ type: "recordVisit", childSeen: true })
      .then({ type: "completeAssessment" })
      .then({ type: "completePlan" })
      .build(),
    fs().allocatedOn(on).then({ type: "recordEscalation", requestForSupportAttached: true }).build(),
    fs().allocatedOn(on).then({ type: "flagHighRisk", note: "Violence at home." }, manager).build(),
    aCase().ofKind("step-down-from-social-care").receivedAt(on).build(),
    bexley().build(),
    bexley().then({ type: "recordConsent", given: true }).build(),
    bexley()
      .then({ type: "recordConsent", given: true })
      .then({ type: "recordFrontDoorDecision", outcome: "family-wellbeing", note: "Tier two." })
      .build(),
    bexley()
      .then({ type: "recordConsent", given: true })
      .then({ type: "recordFrontDoorDecision", outcome: "family-wellbeing", note: "Tier two." })
      .then({ type: "disputeThreshold", note: "Needs social care." }, manager)
      .build(),
    bexley().ofKind("step-down-from-social-care").build(),
    bexley().then({ type: "recordAllegation", note: "A coach shouted at the child." }).build(),
    bexley()
      .then({ type: "recordAllegation", note: "A coach shouted at the child." })
      .then({ type: "recordLadoNotification", note: "Notification form sent." })
      .build(),
    fs().allocatedOn(on).then({ type: "requestClosure", checklist: CLOSURE_READY, summary: "Goals met." }).build(),
    onLegalHold(fs().build()),
  ];
}

/** A case a manager has placed on legal hold (not a lifecycle command: the legal hold use case appends it). */
function onLegalHold(kase: Case): Case {
  const placed = {
    type: "legal-hold.placed",
    at: "2026-03-02T10:00:00.000Z",
    by: { kind: "staff", id: "manager-1" },
    data: { reason: "Complaint to the Ombudsman" },
  } as NewCaseEvent;
  return append(kase, [placed]);
}

describe("a case's actions (issue 14: every rule can be lived)", () => {
  it("offer every command of the lifecycle a person gives, or the command is one the service records", () => {
    const offered = new Set(CASE_ACTIONS.map(commandOf));
    const missing = COMMAND_TYPES.filter((c) => !offered.has(c) && !SERVICE_RECORDED.includes(c));
    expect(missing).toEqual([]);
    // And a command the service records is never offered to a person.
    expect(SERVICE_RECORDED.filter((c) => offered.has(c))).toEqual([]);
  });

  it("have stable, unique kebab-case ids", () => {
    const ids = CASE_ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it("each is offered in some state of some case of either framework to some role", async () => {
    const deps = memoryApp("2026-03-09T10:00:00.000Z");
    const contexts = await Promise.all(
      casesAlongThePath().map(async (kase) => {
        const contact = {
          id: "c1",
          caseId: kase.id,
          kind: kase.kind,
          receivedAt: kase.openedAt,
          channel: "phone",
          isFollowUp: false,
        } as const;
        return actionContext(
          { ...deps, profile: loadProfile(kase.profileId), centres: ANOTHER_CENTRE },
          { case: kase, contacts: [contact], etag: "W/1" },
        );
      }),
    );
    const never = CASE_ACTIONS.filter(
      (spec) =>
        !contexts.some((ctx) =>
          STAFF_ROLES.some((role) => isAvailable(spec, ctx, { actor: { kind: "staff", id: "s" }, roles: [role] })),
        ),
    ).map((spec) => spec.id);
    // Closing actions need a case put forward for closure, or a case with exceeded clocks: covered end to end.
    expect(
      never.filter(
        (id) => !["reject-closure", "sign-off-closure", "record-clock-reason", "confirm-referrer"].includes(id),
      ),
    ).toEqual([]);
  });
});
