import express, { Router, type Request, type RequestHandler, type Response } from "express";
import { countyCompliance, countyTeam } from "../../app/queries/county-figures.js";
import { periodOf } from "../../app/queries/compliance.js";
import { callerCentres, type CallerCentres } from "../../app/staff/caller-centres.js";
import type { Logger } from "../../logging/logger.js";
import type { CountyApiDeps } from "../api-deps.js";
import { bearerOf } from "../auth/caller.js";
import { verifyToken } from "../auth/verify-token.js";
import type { FrontDoorRoute } from "../../app/front-door/front-door.js";
import { countyTriage, readTriageMail } from "../../app/front-door/county-triage.js";
import { routeFromTriage } from "../../app/front-door/route-from-triage.js";
import { isRefused, type Refused } from "../../app/outcome.js";
import { setAsideReasonLabel } from "../../domain/intake/set-aside-reasons.js";
import type {
  CountyComplianceResponse,
  CountyTeamResponse,
  CountyTriageItem,
  CountyTriageMail,
  CountyTriageResponse,
  MyCentresResponse,
  RouteFrontDoorMailResponse,
} from "../contract.js";
import { badRequest, notFound, notOnStaffList, roleRefused } from "../errors.js";
import { apiErrorHandler, queryString, requireString } from "../http.js";
import { refusal } from "../presenters/mutation-result.js";
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
    route(false, async (_req, _res, who): Promise<MyCentresResponse> => ({
      ...who,
      ...(deps.frontDoor === undefined ? {} : { frontDoor: true }),
    })),
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
  const frontDoor = () => {
    if (deps.frontDoor === undefined) {
      throw notFound(
        "The county triage queue (this deployment reads no shared Front Door address: FC_FRONT_DOOR_MAILBOX)",
      );
    }
    return deps.frontDoor;
  };
  const answer = <T>(result: T | Refused): T => {
    if (isRefused(result)) throw refusal(result);
    return result;
  };
  api.get(
    "/county/triage",
    route(false, async (req, _res, who): Promise<CountyTriageResponse> => {
      const fd = frontDoor();
      const continuation = queryString(req, "continuation");
      const options = { top: TRIAGE_PAGE, ...(continuation ? { continuation } : {}) };
      const page = answer(await countyTriage(fd, who, options));
      return {
        items: page.entries.map(({ route: claimed, ...entry }) => ({
          ...entry,
          reasonLabel: setAsideReasonLabel(entry.state, entry.reason),
          ...(claimed === undefined ? {} : { routing: routingOf(claimed) }),
        })),
        ...(page.continuation === undefined ? {} : { continuation: page.continuation }),
        centres: fd.centres.map((c) => c.ref),
      };
    }),
  );
  api.get(
    "/county/triage/:messageId",
    route(false, async (req, _res, who): Promise<CountyTriageMail> =>
      answer(await readTriageMail(frontDoor(), who, String(req.params.messageId))),
    ),
  );
  api.post(
    "/county/triage/:messageId/route",
    express.json({ limit: "4kb" }),
    route(false, async (req, _res, who): Promise<RouteFrontDoorMailResponse> => {
      const centre = requireString(req.body, "centre");
      const routed = answer(await routeFromTriage(frontDoor(), who, String(req.params.messageId), centre));
      return { centre: routed.centre, caseId: routed.caseId };
    }),
  );
  api.use(apiErrorHandler(logger));
  const root = Router();
  root.use("/api", api);
  return root;
}

const TRIAGE_PAGE = 25;

const routingOf = (route: FrontDoorRoute): NonNullable<CountyTriageItem["routing"]> => ({
  centre: route.centre,
  by: route.by,
  ...(route.personName === undefined ? {} : { personName: route.personName }),
});

const figuresOf = (deps: CountyApiDeps) =>
  deps.centres.map(({ id, app }) => ({ id, name: app.centre.name, deps: app }));
