import { Router } from "express";
import { agendaPage } from "../../app/queries/agenda.js";
import { caseDetailOf } from "../../app/queries/case-detail.js";
import { myCasesPage, preAllocationPage } from "../../app/queries/case-lists.js";
import { practitionerCaseloads } from "../../app/queries/caseloads.js";
import { complianceReport, periodOf } from "../../app/queries/compliance.js";
import { isPanelId } from "../../app/queries/panels.js";
import { staffNames } from "../../app/queries/staff-directory.js";
import { triagePage } from "../../app/queries/triage-queue.js";
import { closureChecklist } from "../../domain/lifecycle/decide-closure.js";
import type { ApiDeps } from "../api-deps.js";
import type { MeResponse, StaffRoleName, StaffResponse } from "../contract.js";
import { badRequest, notFound } from "../errors.js";
import { ANY_STAFF, queryString, route } from "../http.js";
import { agendaView } from "../presenters/agenda-view.js";
import { caseDetailView } from "../presenters/case-detail-view.js";
import { caseWithClocks, clockView } from "../presenters/case-views.js";
import { complianceCsv } from "../presenters/compliance-csv.js";
import { ruleView } from "../presenters/rule-view.js";
import { staffView, teamView } from "../presenters/staff-view.js";
import { triageItem } from "../presenters/triage-item.js";

const DUTY = ["duty-worker", "manager"] as const;

const page = <T>(items: readonly T[], continuation: string | undefined) => ({
  items,
  ...(continuation ? { continuation } : {}),
});

/** The read-only views: every first page comes from a worklist or index page plus point reads. */
export function viewRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;
  const { profile } = app;

  router.get(
    "/me",
    route(deps, ANY_STAFF, async (_req, _res, caller): Promise<MeResponse> => ({
      staffId: caller.staffId,
      displayName: caller.actor.displayName ?? caller.staffId,
      roles: caller.roles as readonly StaffRoleName[],
      localMode: deps.localMode,
      profile: {
        id: profile.id,
        name: profile.name,
        version: profile.version,
        rules: profile.rules.map((r) => ruleView(r, profile)),
        panels: profile.panels.map((p) => ({ id: p.id, name: p.name })),
        caseloadLimits: profile.caseloadLimits,
        closureChecklist: (closureChecklist(profile) ?? []).map(({ id, label }) => ({ id, label })),
      },
      centreName: app.centre.name,
    })),
  );
  router.get(
    "/triage",
    route(deps, DUTY, async (req) => {
      const [triage, names] = await Promise.all([triagePage(app, queryString(req, "continuation")), staffNames(app)]);
      return page(
        triage.items.map((entry) => triageItem(entry, names)),
        triage.continuation,
      );
    }),
  );
  router.get(
    "/agendas/:panel",
    route(deps, ["duty-worker", "panel-member", "manager"], async (req) => {
      const panel = req.params.panel;
      if (!isPanelId(panel)) throw badRequest(`There is no agenda "${String(panel)}".`);
      const [agenda, names] = await Promise.all([
        agendaPage(app, panel, queryString(req, "continuation")),
        staffNames(app),
      ]);
      if (agenda === undefined) throw notFound(`The ${panel} panel (this practice framework has none)`);
      return agendaView(agenda, names);
    }),
  );
  router.get(
    "/pre-allocation",
    route(deps, DUTY, async (req) => {
      const [list, names] = await Promise.all([
        preAllocationPage(app, queryString(req, "continuation")),
        staffNames(app),
      ]);
      const items = list.items.map((reading) => ({
        ...caseWithClocks(reading, names),
        ...(reading.contactClock ? { contactClock: clockView(reading.contactClock) } : {}),
        ...(reading.lastContactAt ? { lastContactAt: reading.lastContactAt } : {}),
      }));
      return page(items, list.continuation);
    }),
  );
  router.get(
    "/my-cases",
    route(deps, ["practitioner", "duty-worker", "manager"], async (req, _res, caller) => {
      const asked = queryString(req, "workerId");
      const workerId = asked !== undefined && caller.roles.includes("manager") ? asked : caller.staffId;
      const [mine, names] = await Promise.all([
        myCasesPage(app, workerId, queryString(req, "continuation")),
        staffNames(app),
      ]);
      return {
        workerId,
        ...page(
          mine.items.map((reading) => caseWithClocks(reading, names)),
          mine.continuation,
        ),
      };
    }),
  );
  router.get(
    "/cases/:caseId",
    route(deps, ANY_STAFF, async (req, res) => {
      const caseId = String(req.params.caseId);
      const [detail, names] = await Promise.all([caseDetailOf(app, caseId), staffNames(app)]);
      if (detail === undefined) throw notFound(`Case ${caseId}`);
      res.set("ETag", detail.stored.etag);
      return caseDetailView(detail, names, profile);
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
  router.get(
    "/team",
    route(deps, ["manager", "admin"], async () => teamView(await practitionerCaseloads(app), profile)),
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
