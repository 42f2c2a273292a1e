import { Router, type Request, type RequestHandler, type Response } from "express";
import { countyCompliance, countyTeam } from "../../app/queries/county-figures.js";
import { periodOf } from "../../app/queries/compliance.js";
import { callerCentres, type CallerCentres } from "../../app/staff/caller-centres.js";
import type { Logger } from "../../logging/logger.js";
import type { CountyApiDeps } from "../api-deps.js";
import { bearerOf } from "../auth/caller.js";
import { verifyToken } from "../auth/verify-token.js";
import type { CountyComplianceResponse, CountyTeamResponse, MyCentresResponse } from "../contract.js";
import { badRequest, notOnStaffList, roleRefused } from "../errors.js";
import { apiErrorHandler, queryString } from "../http.js";
import { teamView } from "../presenters/staff-view.js";

type Handler = (req: Request, res: Response, who: CallerCentres) => Promise<unknown>;

/**
 * The caller's centres and the county's views, across every centre's API: the token is verified once (every centre
 * accepts the same tokens), the caller found on each centre's staff list and the county's.
 */
export function countyRoutes(deps: CountyApiDeps, logger: Logger): Router {
  const lists = () =>
    deps.centres.map(({ id, app }) => ({ id, name: app.centre.name, profileId: app.profile.id, staff: app.staff }));
  const route =
    (countyManagerOnly: boolean, handler: Handler): RequestHandler =>
    (req, res, next) => {
      void (async () => {
        const user = await verifyToken(bearerOf(req), deps.tokens, deps.clock.now());
        const who = await callerCentres(lists(), deps.countyStaff, user.oid);
        if (who === undefined) throw notOnStaffList();
        if (countyManagerOnly && !who.countyRoles.includes("county-manager")) throw roleRefused(["county-manager"]);
        res.json(await handler(req, res, who));
      })().catch(next);
    };

  const api = Router();
  api.get(
    "/me/centres",
    route(false, async (_req, _res, who): Promise<MyCentresResponse> => who),
  );
  api.get(
    "/county/compliance",
    route(true, async (req): Promise<CountyComplianceResponse> => {
      const first = deps.centres[0]?.app;
      const period =
        first && periodOf(first.calendar, deps.clock.now(), queryString(req, "from"), queryString(req, "to"));
      if (period === undefined) {
        throw badRequest("Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD, with from on or before to.");
      }
      return countyCompliance(figuresOf(deps), period);
    }),
  );
  api.get(
    "/county/team",
    route(true, async (): Promise<CountyTeamResponse> => {
      const { centres, total } = await countyTeam(figuresOf(deps));
      return {
        centres: centres.map(({ id, name, deps: app, team, total: sum }) => ({
          id,
          name,
          team: teamView(team, app.profile),
          total: sum,
        })),
        total,
      };
    }),
  );
  api.use(apiErrorHandler(logger));
  const root = Router();
  root.use("/api", api);
  return root;
}

const figuresOf = (deps: CountyApiDeps) =>
  deps.centres.map(({ id, app }) => ({ id, name: app.centre.name, deps: app }));
