import { Router } from "express";
import { teamFigures } from "../../app/queries/caseloads.js";
import { READ_ROLES } from "../../app/access/roles.js";
import { complianceReport, exportComplianceReport, periodOf } from "../../app/queries/compliance.js";
import type { ApiDeps } from "../api-deps.js";
import { badRequest } from "../errors.js";
import { queryString, route } from "../http.js";
import { complianceCsv } from "../presenters/compliance-csv.js";
import { teamView } from "../presenters/staff-view.js";

/**
 * A manager's figures: caseloads against their limits, and compliance with every rule (its export audited); a
 * county manager reads them in every centre.
 */
export function reportRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;

  router.get(
    "/team",
    route(deps, READ_ROLES.countyOversight, async () => teamView(await teamFigures(app), app.profile)),
  );
  router.get(
    "/compliance",
    route(deps, READ_ROLES.countyOversight, async (req, res, caller) => {
      const period = periodOf(app.calendar, app.clock.now(), queryString(req, "from"), queryString(req, "to"));
      if (period === undefined) {
        throw badRequest("Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD, with from on or before to.");
      }
      const csv = queryString(req, "format") === "csv" || (req.get("accept") ?? "").includes("text/csv");
      if (!csv) return complianceReport(app, period);
      const report = await exportComplianceReport(app, caller, period, "api");
      res
        .type("text/csv; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="compliance-${period.from}-to-${period.to}.csv"`)
        .send(complianceCsv(report));
      return undefined;
    }),
  );
  return router;
}
