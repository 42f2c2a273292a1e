import express, { Router } from "express";
import type { ApiDeps } from "../api-deps.js";
import type {
  CaseEventRequest,
  ConfirmReferrerRequest,
  DecisionRequest,
  SettingsUpdate,
  StaffInput,
} from "../contract.js";
import { badRequest } from "../errors.js";
import { ifMatch, requireString, route } from "../http.js";
import { confirmCaseReferrer, recordCaseEvent, recordDecision } from "../views/case-mutations.js";
import { linkMail, lookupMail, lookupMailByInternetMessageId, logMail } from "../views/mail.js";
import { importBankHolidays, readSettings, updateSettings } from "../views/settings.js";
import { putStaff } from "../views/staff.js";

const CASEWORK = ["practitioner", "duty-worker", "manager"] as const;
const DUTY = ["duty-worker", "manager"] as const;

/**
 * Every change goes through the use case the bot uses, guarded by the ETag the person read; the lifecycle checks
 * the finer rule (who may decide on which panel, a manager signs off closure) and refuses with its own code.
 */
export function mutationRoutes(deps: ApiDeps): Router {
  const router = Router();
  const json = express.json({ limit: "256kb" });
  const withEtag = <T>(res: express.Response, result: T & { etag: string }) => {
    res.set("ETag", result.etag);
    return result;
  };
  const caseId = (req: express.Request) => String(req.params.caseId);

  router.post(
    "/cases/:caseId/decisions",
    json,
    route(deps, ["duty-worker", "panel-member", "manager"], async (req, res, caller) =>
      withEtag(res, await recordDecision(deps, caseId(req), ifMatch(req), caller, req.body as DecisionRequest)),
    ),
  );
  router.post(
    "/cases/:caseId/events",
    json,
    route(deps, CASEWORK, async (req, res, caller) =>
      withEtag(res, await recordCaseEvent(deps, caseId(req), ifMatch(req), caller, req.body as CaseEventRequest)),
    ),
  );
  router.post(
    "/cases/:caseId/referrer",
    json,
    route(deps, DUTY, async (req, res, caller) =>
      withEtag(
        res,
        await confirmCaseReferrer(deps, caseId(req), ifMatch(req), caller, req.body as ConfirmReferrerRequest),
      ),
    ),
  );

  router.get(
    "/mail/lookup",
    route(deps, ["duty-worker", "panel-member", "practitioner", "manager", "admin"], (req) => {
      const { messageId, internetMessageId } = req.query;
      if (typeof messageId === "string" && messageId !== "") return lookupMail(deps, messageId);
      if (typeof internetMessageId === "string" && internetMessageId !== "") {
        return lookupMailByInternetMessageId(deps, internetMessageId);
      }
      throw badRequest(
        'Give "internetMessageId" (the email\'s Message-ID, as Outlook shows it) or "messageId" (the Graph immutable id of the message in the Family Centre mailbox).',
      );
    }),
  );
  router.post(
    "/mail/log",
    json,
    route(deps, DUTY, (req) => logMail(deps, requireString(req.body, "messageId"))),
  );

  router.post(
    "/mail/link",
    json,
    route(deps, DUTY, (req, _res, caller) =>
      linkMail(deps, caller, requireString(req.body, "messageId"), requireString(req.body, "caseId")),
    ),
  );

  router.get(
    "/settings",
    route(deps, ["admin"], () => readSettings(deps)),
  );
  router.put(
    "/settings",
    json,
    route(deps, ["admin"], async (req, res) =>
      withEtag(res, await updateSettings(deps, ifMatch(req), req.body as SettingsUpdate)),
    ),
  );
  router.post(
    "/settings/bank-holidays",
    express.text({ type: () => true, limit: "1mb" }),
    route(deps, ["admin"], async (req, res) =>
      withEtag(res, await importBankHolidays(deps, ifMatch(req), typeof req.body === "string" ? req.body : "")),
    ),
  );
  router.put(
    "/staff/:staffId",
    json,
    route(deps, ["admin"], async (req, res) => {
      const etag = req.get("if-match");
      return withEtag(res, await putStaff(deps, String(req.params.staffId), req.body as StaffInput, etag || undefined));
    }),
  );
  return router;
}
