import { changeCase, type CaseChange } from "../../app/change-case.js";
import { confirmReferrer } from "../../app/confirm-referrer.js";
import { recordMaamDecision, recordScreeningDecision } from "../../app/record-decision.js";
import { pendingTransferDirection } from "../../domain/lifecycle/case-facts.js";
import type { CaseCommand } from "../../domain/lifecycle/index.js";
import type { ApiDeps } from "../api-deps.js";
import type { Caller } from "../auth/caller.js";
import type { CaseEventRequest, ConfirmReferrerRequest, DecisionRequest, MutationResult } from "../contract.js";
import { badRequest, notFound, staleEtag } from "../errors.js";
import { timelineEntry } from "./case-detail.js";

/** Refuses a change made from a stale view of the case (412): the person must see what changed first. */
async function checkEtag(deps: ApiDeps, caseId: string, etag: string): Promise<void> {
  const stored = await deps.app.cases.findCase(caseId);
  if (stored === undefined) throw notFound(`Case ${caseId}`);
  if (stored.etag !== etag) throw staleEtag(`Case ${caseId}`);
}

async function resultOf(deps: ApiDeps, caseId: string, change: CaseChange, extra: Partial<MutationResult> = {}) {
  const stored = await deps.app.cases.getCase(caseId);
  const result: MutationResult = {
    caseId,
    etag: stored.etag,
    state: change.case.state,
    events: change.events.map((event) => timelineEntry(event, deps.app.profile)),
    warnings: [],
    ...extra,
  };
  return result;
}

export async function recordDecision(
  deps: ApiDeps,
  caseId: string,
  etag: string,
  caller: Caller,
  request: DecisionRequest,
): Promise<MutationResult> {
  if (typeof request.outcome !== "string" || request.outcome === "") throw badRequest('"outcome" is required.');
  await checkEtag(deps, caseId, etag);
  const input = {
    outcome: request.outcome,
    ...(request.note ? { note: request.note } : {}),
    ...(request.workerId ? { workerId: request.workerId } : {}),
  };
  if (request.panel === "screening" || request.panel === "maam") {
    const record = request.panel === "screening" ? recordScreeningDecision : recordMaamDecision;
    const decided = await record(deps.app, caseId, caller, input);
    return resultOf(deps, caseId, decided, { letterQueued: decided.letterQueued });
  }
  if (request.panel !== "transfer-panel") throw badRequest('"panel" must be screening, maam or transfer-panel.');
  const stored = await deps.app.cases.getCase(caseId);
  const change = await changeCase(deps.app, caseId, caller, {
    type: "recordTransferPanelDecision",
    outcome: request.outcome,
    direction: pendingTransferDirection(stored.case) ?? "to-early-help",
    ...(request.note ? { note: request.note } : {}),
  });
  return resultOf(deps, caseId, change);
}

/** The tab's words for casework, as the lifecycle's commands. */
function commandOf(request: CaseEventRequest): CaseCommand {
  const when = request.occurredAt ? { occurredAt: request.occurredAt } : {};
  switch (request.type) {
    case "initial-contact":
      return { ...when, type: "recordInitialContact" };
    case "visit":
      return {
        ...when,
        type: "recordVisit",
        childSeen: request.childSeen === true,
        ...(request.lateInDay ? { lateInDay: true } : {}),
      };
    case "assessment":
      return {
        ...when,
        type: "completeAssessment",
        ...(request.cypaUnderThreeMonths ? { cypaUnderThreeMonths: true } : {}),
      };
    case "plan":
      return { ...when, type: "completePlan" };
    case "review":
      return { ...when, type: "holdReview" };
    case "case-note":
      return { ...when, type: "recordCaseNote", noteType: request.noteType, note: request.note };
    case "closure-request":
      return { ...when, type: "requestClosure", checklist: { ...request.checklist }, summary: request.summary };
    case "closure-sign-off":
      return { ...when, type: "signOffClosure", endDate: request.endDate };
    case "closure-rejection":
      return { ...when, type: "rejectClosure", reason: request.reason };
    case "pre-allocation-contact":
      return { ...when, type: "recordPreAllocationContact", ...(request.note ? { note: request.note } : {}) };
    case "allocate":
      return { ...when, type: "allocate", workerId: request.workerId };
    case "clock-reason":
      return {
        ...when,
        type: "recordClockReason",
        rule: request.rule,
        instance: request.instance,
        reason: request.reason,
      };
    default:
      throw badRequest(`"${(request as { type?: unknown }).type as string}" is not something the tab records.`);
  }
}

export async function recordCaseEvent(
  deps: ApiDeps,
  caseId: string,
  etag: string,
  caller: Caller,
  request: CaseEventRequest,
): Promise<MutationResult> {
  const command = commandOf(request);
  await checkEtag(deps, caseId, etag);
  return resultOf(deps, caseId, await changeCase(deps.app, caseId, caller, command));
}

export async function confirmCaseReferrer(
  deps: ApiDeps,
  caseId: string,
  etag: string,
  caller: Caller,
  request: ConfirmReferrerRequest,
): Promise<MutationResult> {
  if (typeof request.contactId !== "string" || request.contactId === "") throw badRequest('"contactId" is required.');
  await checkEtag(deps, caseId, etag);
  const confirmed = await confirmReferrer(deps.app, caseId, request.contactId, caller, {
    ...(request.name ? { name: request.name } : {}),
    ...(request.email ? { email: request.email } : {}),
    ...(request.organisation ? { organisation: request.organisation } : {}),
  });
  return resultOf(deps, caseId, confirmed);
}
