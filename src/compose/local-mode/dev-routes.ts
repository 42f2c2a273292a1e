import express, { Router } from "express";
import type { DevTokenResponse, DevUsersResponse, StaffRoleName } from "../../api/contract.js";
import { notFound } from "../../api/errors.js";
import { requireString } from "../../api/http.js";
import type { AppDeps } from "../../app/app-deps.js";
import { DEV_TOKEN_ISSUER, type DevTokens } from "./dev-tokens.js";

/** LOCAL MODE ONLY (never mounted in production): the user switcher's people and their development tokens. */
export function devRoutes(deps: Pick<AppDeps, "staff" | "clock">, tokens: DevTokens): Router {
  const router = Router();
  router.get("/dev/users", (_req, res, next) => {
    deps.staff
      .list()
      .then((rows) => {
        const body: DevUsersResponse = {
          issuer: DEV_TOKEN_ISSUER,
          users: rows.map(({ value }) => ({
            staffId: value.id,
            displayName: value.displayName,
            roles: value.roles as readonly StaffRoleName[],
          })),
        };
        res.json(body);
      })
      .catch(next);
  });
  router.post("/dev/token", express.json(), (req, res, next) => {
    void (async () => {
      const staffId = requireString(req.body, "staffId");
      const member = (await deps.staff.get(staffId))?.value;
      if (member === undefined) throw notFound(`Staff member ${staffId}`);
      const issued = await tokens.issue(member, deps.clock.now());
      const body: DevTokenResponse = { ...issued, issuer: DEV_TOKEN_ISSUER };
      res.json(body);
    })().catch(next);
  });
  return router;
}
