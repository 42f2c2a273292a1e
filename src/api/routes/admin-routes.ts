import express, { Router } from "express";
import { isRefused } from "../../app/outcome.js";
import {
  importBankHolidays,
  localTimescales,
  readCentreSettings,
  updateCentreSettings,
} from "../../app/settings/centre-settings.js";
import { READ_ROLES } from "../../app/access/roles.js";
import { deactivateStaffMember, saveStaffMember } from "../../app/staff/save-staff-member.js";
import type { CentreSettings, Versioned } from "../../ports/records.js";
import { recordSupervision } from "../../app/supervision/record-supervision.js";
import { SUPERVISION_ROLES } from "../../domain/lifecycle/supervision.js";
import type { ApiDeps } from "../api-deps.js";
import type { BankHolidayImportResult, SettingsUpdate, StaffInput } from "../contract.js";
import { ifMatch, route } from "../http.js";
import { refusal } from "../presenters/mutation-result.js";
import { settingsView } from "../presenters/settings-view.js";
import { staffView } from "../presenters/staff-view.js";

const ADMIN = READ_ROLES.admin;

/** Settings and the staff list (an admin's, each change guarded by the ETag read and audited), and a practitioner's supervision. */
export function adminRoutes(deps: ApiDeps): Router {
  const router = Router();
  const json = express.json({ limit: "256kb" });
  const { app, profiles } = deps;
  const withEtag = <T extends { etag: string }>(res: express.Response, result: T): T => {
    res.set("ETag", result.etag);
    return result;
  };
  const view = (saved: Versioned<CentreSettings>) => settingsView(saved, profiles, localTimescales(app, saved.value));

  router.get(
    "/settings",
    route(deps, ADMIN, async () => view(await readCentreSettings(app))),
  );
  router.put(
    "/settings",
    json,
    route(deps, ADMIN, async (req, res, caller) => {
      const ids = profiles.map((p) => p.id);
      const saved = await updateCentreSettings(app, caller, ifMatch(req), req.body as SettingsUpdate, ids);
      if (isRefused(saved)) throw refusal(saved);
      return withEtag(res, view(saved));
    }),
  );
  router.post(
    "/settings/bank-holidays",
    express.text({ type: () => true, limit: "1mb" }),
    route(deps, ADMIN, async (req, res, caller) => {
      const feed = typeof req.body === "string" ? req.body : "";
      const imported = await importBankHolidays(app, caller, ifMatch(req), feed);
      if ("status" in imported) throw refusal(imported);
      const result: BankHolidayImportResult = {
        imported: imported.holidays.length,
        ...(imported.holidays[0] ? { firstDate: imported.holidays[0].date } : {}),
        ...(imported.holidays.at(-1) ? { lastDate: imported.holidays.at(-1)?.date } : {}),
        etag: imported.etag,
      };
      return withEtag(res, result);
    }),
  );
  router.put(
    "/staff/:staffId",
    json,
    route(deps, ADMIN, async (req, res, caller) => {
      const etag = req.get("if-match");
      const id = String(req.params.staffId);
      const saved = await saveStaffMember(app, caller, id, req.body as StaffInput, etag || undefined);
      if ("status" in saved) throw refusal(saved);
      return withEtag(res, staffView(saved.value, saved.etag));
    }),
  );
  router.post(
    "/staff/:staffId/deactivation",
    json,
    route(deps, ADMIN, async (req, res, caller) => {
      const saved = await deactivateStaffMember(app, caller, String(req.params.staffId), ifMatch(req));
      if ("status" in saved) throw refusal(saved);
      return withEtag(res, staffView(saved.value, saved.etag));
    }),
  );
  router.post(
    "/staff/:staffId/supervisions",
    json,
    route(deps, SUPERVISION_ROLES, async (req, res, caller) => {
      const { occurredAt } = (req.body ?? {}) as { occurredAt?: unknown };
      const recorded = await recordSupervision(app, String(req.params.staffId), caller, {
        ...(typeof occurredAt === "string" && occurredAt !== "" ? { occurredAt } : {}),
      });
      if (recorded.status === "refused") throw refusal(recorded);
      res.status(recorded.status === "recorded" ? 201 : 200);
      return { at: recorded.event.at, by: recorded.event.by };
    }),
  );
  return router;
}
