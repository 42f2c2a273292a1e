import { Router } from "express";
import { READ_ROLES } from "../../app/access/roles.js";
import { caseActions } from "../../app/actions/available-actions.js";
import { isRefused } from "../../app/outcome.js";
import { readCaseFor } from "../../app/queries/read-case.js";
import { searchCases } from "../../app/queries/search-cases.js";
import { staffNames } from "../../app/queries/staff-directory.js";
import { readAccessibilityStatement } from "../../app/settings/centre-settings.js";
import { closureChecklist } from "../../domain/lifecycle/decide-closure.js";
import type { ApiDeps } from "../api-deps.js";
import type {
  AccessibilityStatementResponse,
  SearchResponse,
  MeResponse,
  StaffRoleName,
  StaffResponse,
} from "../contract.js";
import { queryString, route } from "../http.js";
import { caseDetailView } from "../presenters/case-detail-view.js";
import { caseWithClocks } from "../presenters/case-views.js";
import { ruleView } from "../presenters/rule-view.js";
import { staffView } from "../presenters/staff-view.js";
import { refusal } from "../presenters/mutation-result.js";

/**
 * Who is asking and what they may see, one case in full (to who needs to know it, audited), and the staff list
 * for pickers and names.
 */
export function referenceRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;
  // The profile is read per request: Settings can change its local-practice timescales while the service runs.

  router.get(
    "/me",
    route(deps, READ_ROLES.whoAmI, async (_req, _res, caller): Promise<MeResponse> => ({
      staffId: caller.staffId,
      displayName: caller.actor.displayName ?? caller.staffId,
      roles: caller.roles as readonly StaffRoleName[],
      ...(caller.countyRoles ? { countyRoles: caller.countyRoles } : {}),
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
    route(deps, READ_ROLES.anyone, async (req, res, caller) => {
      const caseId = String(req.params.caseId);
      const [detail, names] = await Promise.all([readCaseFor(app, caller, caseId, "api"), staffNames(app)]);
      if (isRefused(detail)) throw refusal(detail);
      res.set("ETag", detail.stored.etag);
      return caseDetailView(detail, await caseActions(app, detail.stored, caller), names, app.profile);
    }),
  );
  router.get(
    "/staff",
    route(deps, READ_ROLES.anyone, async (): Promise<StaffResponse> => {
      const rows = await app.staff.list();
      const staff = rows
        .map((row) => staffView(row.value, row.etag))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return { staff };
    }),
  );
  router.get(
    "/search",
    route(deps, READ_ROLES.anyone, async (req, _res, caller): Promise<SearchResponse> => {
      const query = queryString(req, "q") ?? "";
      const [result, names] = await Promise.all([searchCases(app, caller, query, "api"), staffNames(app)]);
      if (isRefused(result)) throw refusal(result);
      const items = result.hits.map((hit) => ({ ...caseWithClocks(hit, names), matchedOn: hit.matchedOn }));
      return { query, items, more: result.more };
    }),
  );
  router.get(
    "/accessibility",
    route(deps, READ_ROLES.anyone, async (): Promise<AccessibilityStatementResponse> =>
      readAccessibilityStatement(app),
    ),
  );
  return router;
}
