import { Router } from "express";
import { READ_ROLES } from "../../app/access/roles.js";
import { agendaPage } from "../../app/queries/agenda.js";
import { myCasesPage, preAllocationPage } from "../../app/queries/case-lists.js";
import { isPanelId } from "../../app/queries/panels.js";
import { staffNames } from "../../app/queries/staff-directory.js";
import { triagePage } from "../../app/queries/triage-queue.js";
import type { ApiDeps } from "../api-deps.js";
import { badRequest, notFound } from "../errors.js";
import { queryString, route } from "../http.js";
import { agendaView } from "../presenters/agenda-view.js";
import { caseWithClocks, clockView } from "../presenters/case-views.js";
import { triageItem } from "../presenters/triage-item.js";

const page = <T>(items: readonly T[], continuation: string | undefined) => ({
  items,
  ...(continuation ? { continuation } : {}),
});

/** The queues people work through: triage, the panels' agendas, the Pre-Allocation List, a worker's cases. */
export function queueRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;

  router.get(
    "/triage",
    route(deps, READ_ROLES.duty, async (req) => {
      const [triage, names] = await Promise.all([triagePage(app, queryString(req, "continuation")), staffNames(app)]);
      return page(
        triage.items.map((entry) => triageItem(entry, names)),
        triage.continuation,
      );
    }),
  );
  router.get(
    "/agendas/:panel",
    route(deps, READ_ROLES.agendas, async (req) => {
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
    route(deps, READ_ROLES.duty, async (req) => {
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
    route(deps, READ_ROLES.caseload, async (req, _res, caller) => {
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
  return router;
}
