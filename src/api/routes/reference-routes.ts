import { Router } from "express";
import { caseActions } from "../../app/actions/available-actions.js";
import { caseDetailOf } from "../../app/queries/case-detail.js";
import { staffNames } from "../../app/queries/staff-directory.js";
import { closureChecklist } from "../../domain/lifecycle/decide-closure.js";
import type { ApiDeps } from "../api-deps.js";
import type { MeResponse, StaffRoleName, StaffResponse } from "../contract.js";
import { notFound } from "../errors.js";
import { ANY_STAFF, route } from "../http.js";
import { caseDetailView } from "../presenters/case-detail-view.js";
import { ruleView } from "../presenters/rule-view.js";
import { staffView } from "../presenters/staff-view.js";

/** Who is asking and what they may see, one case in full, and the staff list for pickers and names. */
export function referenceRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;
  // The profile is read per request: Settings can change its local-practice timescales while the service runs.

  router.get(
    "/me",
    route(deps, ANY_STAFF, async (_req, _res, caller): Promise<MeResponse> => ({
      staffId: caller.staffId,
      displayName: caller.actor.displayName ?? caller.staffId,
      roles: caller.roles as readonly StaffRoleName[],
      localMode: deps.localMode,
      profile: {
        id: app.profile.id,
        name: app.profile.name,
        version: app.profile.version,
        rules: app.profile.rules.map((r) => ruleView(r, app.profile)),
        panels: app.profile.panels.map((p) => ({ id: p.id, name: p.name })),
        caseloadLimits: app.profile.caseloadLimits,
        closureChecklist: (closureChecklist(app.profile) ?? []).map(({ id, label }) => ({ id, label })),
      },
      centreName: app.centre.name,
    })),
  );
  router.get(
    "/cases/:caseId",
    route(deps, ANY_STAFF, async (req, res, caller) => {
      const caseId = String(req.params.caseId);
      const [detail, names] = await Promise.all([caseDetailOf(app, caseId), staffNames(app)]);
      if (detail === undefined) throw notFound(`Case ${caseId}`);
      res.set("ETag", detail.stored.etag);
      return caseDetailView(detail, await caseActions(app, detail.stored, caller), names, app.profile);
    }),
  );
  router.get(
    "/staff",
    route(deps, ANY_STAFF, async (): Promise<StaffResponse> => {
      const rows = await app.staff.list();
      const staff = rows
        .map((row) => staffView(row.value, row.etag))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return { staff };
    }),
  );
  return router;
}
