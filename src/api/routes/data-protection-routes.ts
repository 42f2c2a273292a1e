import express, { Router } from "express";
import { READ_ROLES } from "../../app/access/roles.js";
import { readAuditTrail } from "../../app/data-protection/audit-trail.js";
import { setLegalHold } from "../../app/data-protection/legal-hold.js";
import { redactText } from "../../app/data-protection/redact-text.js";
import { retentionReport } from "../../app/data-protection/retention.js";
import { exportPerson, findPeople } from "../../app/data-protection/subject-access.js";
import { isRefused } from "../../app/outcome.js";
import type { ApiDeps } from "../api-deps.js";
import type {
  AuditTrailResponse,
  PeopleSearchResponse,
  RedactionRequest,
  RedactionResult,
  SubjectAccessExport,
} from "../contract.js";
import { badRequest } from "../errors.js";
import { queryString, requireString, route } from "../http.js";
import { subjectAccessHtml } from "../presenters/subject-access-html.js";
import { refusal } from "../presenters/mutation-result.js";

const DATA_PROTECTION = READ_ROLES.dataProtection;

/** The data protection officer's doors: subject access, rectification and erasure (each one use case, audited there). */
export function dataProtectionRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;

  router.get(
    "/people",
    route(deps, DATA_PROTECTION, async (req, _res, caller): Promise<PeopleSearchResponse> => {
      const found = await findPeople(app, caller, queryString(req, "query") ?? "", "api");
      if (isRefused(found)) throw refusal(found);
      return found;
    }),
  );

  router.get(
    "/people/:personKey/export",
    route(deps, DATA_PROTECTION, async (req, res, caller): Promise<SubjectAccessExport | undefined> => {
      const held = await exportPerson(app, caller, String(req.params["personKey"]), "api");
      if (isRefused(held)) throw refusal(held);
      res.set("cache-control", "no-store");
      if (queryString(req, "format") !== "html") return held;
      res.type("html").send(subjectAccessHtml(held));
      return undefined;
    }),
  );

  router.post(
    "/cases/:caseId/redactions",
    express.json({ limit: "64kb" }),
    route(deps, DATA_PROTECTION, async (req, _res, caller): Promise<RedactionResult> => {
      const body = req.body as Partial<RedactionRequest> | undefined;
      const correction = body?.correction;
      if (correction !== undefined && typeof correction !== "string") throw badRequest('"correction" is text.');
      const caseId = String(req.params["caseId"]);
      const done = await redactText(
        app,
        caller,
        {
          caseId,
          text: requireString(body, "text"),
          reason: requireString(body, "reason"),
          ...(correction === undefined ? {} : { correction }),
        },
        "api",
      );
      if (isRefused(done)) throw refusal(done);
      return { caseId, mode: done.mode, places: done.places, etag: done.etag };
    }),
  );

  router.put(
    "/cases/:caseId/legal-hold",
    express.json({ limit: "16kb" }),
    route(deps, READ_ROLES.oversight, async (req, _res, caller) => {
      const body = req.body as { hold?: unknown; reason?: unknown } | undefined;
      if (typeof body?.hold !== "boolean") throw badRequest('"hold" is true (place) or false (lift).');
      const changed = await setLegalHold(
        app,
        caller,
        String(req.params["caseId"]),
        body.hold,
        requireString(body, "reason"),
        "api",
      );
      if (isRefused(changed)) throw refusal(changed);
      return changed;
    }),
  );

  /** The access audit, read back (and that reading audited). */
  router.get(
    "/audit",
    route(deps, DATA_PROTECTION, async (req, res, caller): Promise<AuditTrailResponse> => {
      const query = {
        caseId: queryString(req, "caseId"),
        actorId: queryString(req, "actor"),
        from: queryString(req, "from"),
        to: queryString(req, "to"),
      };
      const trail = await readAuditTrail(
        app,
        caller,
        Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
        "api",
      );
      if (isRefused(trail)) throw refusal(trail);
      res.set("cache-control", "no-store");
      return trail;
    }),
  );

  /** The dry run: what the next retention run would remove, and what a legal hold keeps. Changes nothing. */
  router.get(
    "/retention/due",
    route(deps, [...READ_ROLES.oversight, ...DATA_PROTECTION], async () => retentionReport(app, app.clock.now())),
  );

  return router;
}
