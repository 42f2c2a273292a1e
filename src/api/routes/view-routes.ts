import { Router } from "express";
import { closureChecklist } from "../../domain/lifecycle/decide-closure.js";
import type { ApiDeps } from "../api-deps.js";
import type { MeResponse, PanelName, StaffRoleName, StaffResponse } from "../contract.js";
import { badRequest } from "../errors.js";
import { ANY_STAFF, queryString, route } from "../http.js";
import { agenda, PANELS } from "../views/agendas.js";
import { caseDetail } from "../views/case-detail.js";
import { myCases, preAllocationList } from "../views/case-lists.js";
import { complianceCsv, complianceReport, periodOf } from "../views/compliance.js";
import { ruleView } from "../views/rules.js";
import { team } from "../views/team.js";
import { triageQueue } from "../views/triage.js";
import { staffViews } from "../views/staff.js";

const DUTY = ["duty-worker", "manager"] as const;

/** The read-only views: every first page comes from a worklist or index page plus point reads. */
export function viewRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { profile } = deps.app;

  router.get(
    "/me",
    route(deps, ANY_STAFF, async (_req, _res, caller): Promise<MeResponse> => ({
      staffId: caller.staffId,
      displayName: caller.actor.displayName ?? caller.staffId,
      roles: caller.roles as readonly StaffRoleName[],
      localMode: deps.devTokens !== undefined,
      profile: {
        id: profile.id,
        name: profile.name,
        version: profile.version,
        rules: profile.rules.map((r) => ruleView(r, profile)),
        panels: profile.panels.map((p) => ({ id: p.id, name: p.name })),
        caseloadLimits: profile.caseloadLimits,
        closureChecklist: (closureChecklist(profile) ?? []).map(({ id, label }) => ({ id, label })),
      },
      centreName: deps.app.centre.name,
    })),
  );
  router.get(
    "/triage",
    route(deps, DUTY, (req) => triageQueue(deps, queryString(req, "continuation"))),
  );
  router.get(
    "/agendas/:panel",
    route(deps, ["duty-worker", "panel-member", "manager"], (req) => {
      const panel = req.params.panel as PanelName;
      if (!PANELS.includes(panel)) throw badRequest(`There is no agenda "${String(req.params.panel)}".`);
      return agenda(deps, panel, queryString(req, "continuation"));
    }),
  );
  router.get(
    "/pre-allocation",
    route(deps, DUTY, (req) => preAllocationList(deps, queryString(req, "continuation"))),
  );
  router.get(
    "/my-cases",
    route(deps, ["practitioner", "duty-worker", "manager"], (req, _res, caller) => {
      const asked = queryString(req, "workerId");
      const workerId = asked !== undefined && caller.roles.includes("manager") ? asked : caller.staffId;
      return myCases(deps, workerId, queryString(req, "continuation"));
    }),
  );
  router.get(
    "/cases/:caseId",
    route(deps, ANY_STAFF, async (req, res) => {
      const detail = await caseDetail(deps, String(req.params.caseId));
      res.set("ETag", detail.etag);
      return detail;
    }),
  );
  router.get(
    "/staff",
    route(deps, ANY_STAFF, async (): Promise<StaffResponse> => ({ staff: await staffViews(deps) })),
  );
  router.get(
    "/team",
    route(deps, ["manager", "admin"], () => team(deps)),
  );
  router.get(
    "/compliance",
    route(deps, ["manager", "admin"], async (req, res) => {
      const period = periodOf(
        deps.app.calendar,
        deps.app.clock.now(),
        queryString(req, "from"),
        queryString(req, "to"),
      );
      const report = await complianceReport(deps, period);
      const csv = queryString(req, "format") === "csv" || (req.get("accept") ?? "").includes("text/csv");
      if (!csv) return report;
      res
        .type("text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="compliance-${period.from}-to-${period.to}.csv"`)
        .send(complianceCsv(report));
      return undefined;
    }),
  );
  return router;
}
