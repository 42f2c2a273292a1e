import { Router } from "express";
import type { Logger } from "../logging/logger.js";
import type { ApiDeps } from "./api-deps.js";
import { apiErrorHandler } from "./http.js";
import { devRoutes } from "./routes/dev-routes.js";
import { mutationRoutes } from "./routes/mutation-routes.js";
import { viewRoutes } from "./routes/view-routes.js";

/**
 * The tab's API under /api/ (mount the router at the app's root). The development token routes exist only when
 * `deps.devTokens` does, i.e. in local mode. Unknown /api/ paths answer 404 JSON, except the bot's and Graph's.
 */
export function createApiRouter(deps: ApiDeps, logger: Logger): Router {
  const api = Router();
  if (deps.devTokens) api.use(devRoutes(deps, deps.devTokens));
  api.use(viewRoutes(deps));
  api.use(mutationRoutes(deps));
  api.use(apiErrorHandler(logger));

  const root = Router();
  root.use("/api", api);
  return root;
}
