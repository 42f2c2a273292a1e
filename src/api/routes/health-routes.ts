import { Router } from "express";
import type { Readiness } from "../../app/check-readiness.js";

/**
 * `/healthz` (the process answers) and `/readyz` (it can do its work), for App Service's health check and Container
 * Apps' probes. Unauthenticated, so they say only ok or a code per check: never a host, id, name or error message.
 */
export function healthRoutes(readiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", (_req, res, next) => {
    readiness()
      .then(({ ready, checks }) => {
        res
          .status(ready ? 200 : 503)
          .set("Cache-Control", "no-store")
          .json({ status: ready ? "ready" : "not-ready", checks });
      })
      .catch(next);
  });
  return router;
}
