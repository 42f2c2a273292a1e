import express, { Router } from "express";
import type { DevTokenResponse, DevUser, DevUsersResponse } from "../../api/contract.js";
import { notFound } from "../../api/errors.js";
import { requireString } from "../../api/http.js";
import type { Clock } from "../../ports/clock.js";
import type { RecordStore, StaffMember } from "../../ports/records.js";
import { DEV_TOKEN_ISSUER, type DevTokens } from "./dev-tokens.js";

/** Whom the user switcher offers: a centre's staff list, or every centre's and the county's as one. */
export interface DevPeople {
  readonly staff: Pick<RecordStore<StaffMember>, "get" | "list">;
  readonly clock: Clock;
}

/** LOCAL MODE ONLY (never mounted in production): the user switcher's people and their development tokens. */
export function devRoutes(deps: DevPeople, tokens: DevTokens): Router {
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
            roles: value.roles as DevUser["roles"],
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
