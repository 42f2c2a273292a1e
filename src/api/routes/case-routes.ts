import express, { Router } from "express";
import { READ_ROLES } from "../../app/access/roles.js";
import type { AppDeps } from "../../app/app-deps.js";
import { takeCaseAction } from "../../app/actions/take-case-action.js";
import { allocateCase } from "../../app/casework/allocation.js";
import { completeAssessment } from "../../app/casework/assessment.js";
import * as casework from "../../app/casework/record-casework.js";
import type { ChangeRequest } from "../../app/casework/record-change.js";
import { recordClockReason } from "../../app/clocks/record-clock-reason.js";
import * as closure from "../../app/closure.js";
import { confirmReferrer } from "../../app/confirm-referrer.js";
import { isPanelId } from "../../app/queries/panels.js";
import { RECORD_DECISION } from "../../app/record-decision.js";
import type { ApiDeps } from "../api-deps.js";
import type { Caller } from "../auth/caller.js";
import type { CaseEventRequest, ConfirmReferrerRequest, DecisionRequest, MutationResult } from "../contract.js";
import { badRequest, RefusalError } from "../errors.js";
import { ifMatch, route } from "../http.js";
import { alreadyDecided, alreadyRecorded, mutationResult, refusal } from "../presenters/mutation-result.js";

/** Who may ask at all; the use case then checks the command's own roles and the case. */
const CASEWORK = READ_ROLES.caseload;
const DUTY = READ_ROLES.duty;

/** The tab's words for casework, each as the use case it names. */
function recordEvent(app: AppDeps, caseId: string, who: Caller, body: CaseEventRequest, expectedEtag: string) {
  const request: ChangeRequest = { expectedEtag, ...(body.occurredAt ? { occurredAt: body.occurredAt } : {}) };
  switch (body.type) {
    case "initial-contact":
      return casework.recordInitialContact(app, caseId, who, {}, request);
    case "visit":
      return casework.recordVisit(
        app,
        caseId,
        who,
        { childSeen: body.childSeen === true, ...(body.lateInDay ? { lateInDay: true } : {}) },
        request,
      );
    case "assessment":
      return completeAssessment(
        app,
        caseId,
        who,
        { ...(body.cypaUnderThreeMonths ? { cypaUnderThreeMonths: true } : {}) },
        request,
      );
    case "plan":
      return casework.completePlan(app, caseId, who, {}, request);
    case "review":
      return casework.holdReview(app, caseId, who, {}, request);
    case "case-note":
      return casework.recordCaseNote(app, caseId, who, { noteType: body.noteType, note: body.note }, request);
    case "pre-allocation-contact":
      return casework.recordPreAllocationContact(
        app,
        caseId,
        who,
        { ...(body.note ? { note: body.note } : {}) },
        request,
      );
    case "allocate":
      return allocateCase(app, caseId, who, { workerId: body.workerId }, request);
    case "closure-request":
      return closure.requestClosure(app, caseId, who, { checklist: body.checklist, summary: body.summary }, request);
    case "closure-sign-off":
      return closure.signOffClosure(app, caseId, who, { endDate: body.endDate }, request);
    case "closure-rejection":
      return closure.rejectClosure(app, caseId, who, { reason: body.reason }, request);
    case "clock-reason":
      return recordClockReason(
        app,
        caseId,
        who,
        { rule: body.rule, instance: body.instance, reason: body.reason },
        request,
      );
    default:
      throw badRequest(`"${String((body as { type?: unknown }).type)}" is not something the tab records.`);
  }
}

/**
 * Every change to a case goes through the use case the bot uses, guarded by the ETag the person read; the use case
 * answers a refusal (who may, where the case is, a stale view) as a value, which becomes its 403/404/409/412.
 */
export function caseRoutes(deps: ApiDeps): Router {
  const router = Router();
  const json = express.json({ limit: "256kb" });
  const { app } = deps;
  const answer = (res: express.Response, result: MutationResult) => {
    res.set("ETag", result.etag);
    return result;
  };
  const caseId = (req: express.Request) => String(req.params.caseId);

  router.post(
    "/cases/:caseId/decisions",
    json,
    route(deps, READ_ROLES.agendas, async (req, res, caller) => {
      const body = req.body as DecisionRequest;
      if (typeof body.outcome !== "string" || body.outcome === "") throw badRequest('"outcome" is required.');
      if (!isPanelId(body.panel)) throw badRequest('"panel" must be screening, maam or transfer-panel.');
      const input = {
        outcome: body.outcome,
        ...(body.note ? { note: body.note } : {}),
        ...(body.workerId ? { workerId: body.workerId } : {}),
      };
      const outcome = await RECORD_DECISION[body.panel](app, caseId(req), caller, input, {
        expectedEtag: ifMatch(req),
      });
      if (outcome.status === "refused") throw refusal(outcome);
      if (outcome.status === "already-decided") throw alreadyDecided(caseId(req), outcome.decision);
      return answer(res, mutationResult(outcome, app, { letterQueued: outcome.letterQueued }));
    }),
  );
  router.post(
    "/cases/:caseId/events",
    json,
    route(deps, CASEWORK, async (req, res, caller) => {
      const outcome = await recordEvent(app, caseId(req), caller, req.body as CaseEventRequest, ifMatch(req));
      if (outcome.status === "refused") throw refusal(outcome);
      if (outcome.status === "already-recorded") {
        return answer(res, alreadyRecorded(await app.cases.getCase(caseId(req)), outcome.event, app));
      }
      return answer(res, mutationResult(outcome, app));
    }),
  );
  router.post(
    "/cases/:caseId/actions/:actionId",
    json,
    route(deps, READ_ROLES.anyone, async (req, res, caller) => {
      const { occurredAt, ...inputs } = (req.body ?? {}) as Record<string, unknown>;
      const request = {
        expectedEtag: ifMatch(req),
        ...(typeof occurredAt === "string" && occurredAt !== "" ? { occurredAt } : {}),
      };
      const actionId = String(req.params.actionId);
      const outcome = await takeCaseAction(app, caseId(req), actionId, inputs, caller, request);
      if (outcome.status === "refused") throw refusal(outcome);
      if (outcome.status === "already-decided") throw new RefusalError("CASE.ALREADY_DECIDED", outcome.message);
      const stored = await app.cases.getCase(caseId(req));
      return answer(res, mutationResult({ case: stored.case, events: outcome.events, etag: stored.etag }, app));
    }),
  );
  router.post(
    "/cases/:caseId/referrer",
    json,
    route(deps, DUTY, async (req, res, caller) => {
      const body = req.body as ConfirmReferrerRequest;
      if (typeof body.contactId !== "string" || body.contactId === "") throw badRequest('"contactId" is required.');
      const referrer = {
        ...(body.name ? { name: body.name } : {}),
        ...(body.email ? { email: body.email } : {}),
        ...(body.organisation ? { organisation: body.organisation } : {}),
      };
      const outcome = await confirmReferrer(app, caseId(req), body.contactId, caller, referrer, {
        expectedEtag: ifMatch(req),
      });
      if (outcome.status === "refused") throw refusal(outcome);
      if (outcome.status === "already-recorded") {
        return answer(res, alreadyRecorded(await app.cases.getCase(caseId(req)), outcome.event, app));
      }
      return answer(res, mutationResult(outcome, app));
    }),
  );
  return router;
}
