import { Router } from "express";
import type { Logger } from "../logging/logger.js";
import type { ApiDeps } from "./api-deps.js";
import { apiErrorHandler } from "./http.js";
import { adminRoutes } from "./routes/admin-routes.js";
import { caseRoutes } from "./routes/case-routes.js";
import { contactRoutes } from "./routes/contact-routes.js";
import { dataProtectionRoutes } from "./routes/data-protection-routes.js";
import { mailRoutes } from "./routes/mail-routes.js";
import { queueRoutes } from "./routes/queue-routes.js";
import { referenceRoutes } from "./routes/reference-routes.js";
import { reportRoutes } from "./routes/report-routes.js";
import { teamsMessageRoutes } from "./routes/teams-message-routes.js";
import { signInRoutes } from "./routes/sign-in-routes.js";

/**
 * The tab's API under /api/ (mount the router at the app's root). `before`: routes the composition root adds in
 * front (local mode's development tokens). Unknown /api/ paths answer 404 JSON, except the bot's and Graph's.
 */
export function createApiRouter(deps: ApiDeps, logger: Logger, before: readonly Router[] = []): Router {
  const api = Router();
  for (const router of before) api.use(router);
  api.use(signInRoutes(deps));
  api.use(referenceRoutes(deps));
  api.use(queueRoutes(deps));
  api.use(reportRoutes(deps));
  api.use(caseRoutes(deps));
  api.use(contactRoutes(deps));
  api.use(mailRoutes(deps));
  api.use(teamsMessageRoutes(deps));
  api.use(adminRoutes(deps));
  api.use(dataProtectionRoutes(deps));
  api.use(apiErrorHandler(logger));

  const root = Router();
  root.use("/api", api);
  return root;
}
