import type { Router } from "express";
import { healthRoutes } from "../api/routes/health-routes.js";
import { checkReadiness } from "../app/check-readiness.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../store/store.js";
import type { GraphParts } from "./graph-from-config.js";

/** `/healthz` and `/readyz` over the service's own tables and mailbox. */
export function healthRoutesFromParts(store: Store, graph: GraphParts, clock: Clock): Router {
  return healthRoutes(() =>
    checkReadiness({ sync: store.sync, leaseStates: store.leaseStates, mailbox: graph.mailbox, clock }),
  );
}
