import { Router } from "express";
import { teamFigures } from "../../app/queries/caseloads.js";
import { complianceReport, periodOf } from "../../app/queries/compliance.js";
import type { ApiDeps } from "../api-deps.js";
import { badRequest } from "../errors.js";
import { queryString, route } from "../http.js";
import { complianceCsv } from "../presenters/compliance-csv.js";
import { teamView } from "../presenters/staff-view.js";

/** A manager's figures: caseloads against their limits, and compliance with every rule. */
export function reportRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;

  router.get(
    "/team",
    route(deps, ["manager", "admin"], async () => teamView(await teamFigures(app), app.profile)),
  );
  router.get(
    "/compliance",
    route(deps, ["manager", "admin"], async (req, res) => {
      const period = periodOf(app.calendar, app.clock.now(), queryString(req, "from"), queryString(req, "to"));
      if (period === undefined) {
        throw badRequest("Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD, with from on or before to.");
      }
      const report = await complianceReport(app, period);
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
