import { Router, text, json } from "express";
import { parseChangeNotifications, parseLifecycleNotifications, validationResponse } from "./notifications.js";
import type { Logger } from "../logging/logger.js";

export interface NotificationHandlers {
  readonly clientState: string;
  /** New mail was announced: run the inbox round soon (never in the request). */
  readonly onMailChanged: () => void;
  /** Graph removed the subscription, needs it reauthorised, or missed notifications: act soon. */
  readonly onLifecycle: (
    event: "subscriptionRemoved" | "missed" | "reauthorizationRequired",
    subscriptionId: string,
  ) => void;
  readonly logger: Logger;
}

/**
 * `/api/graph/notify` and `/api/graph/lifecycle`: answer the validation handshake in plain text, check clientState
 * on every notification, answer 202 at once and do the work after (Graph wants 2xx within 3 s).
 */
export function notificationRoutes(handlers: NotificationHandlers): Router {
  const router = Router();
  const body = [json({ limit: "1mb" }), text({ type: "text/*" })];

  router.post("/api/graph/notify", ...body, (req, res) => {
    const validation = validationResponse(req.query);
    if (validation) return void res.status(validation.status).type(validation.contentType).send(validation.body);
    const { accepted, rejected } = parseChangeNotifications(req.body, handlers.clientState);
    if (rejected > 0) handlers.logger.warn("graph.notification.rejected", { rejected });
    res.status(202).end();
    if (accepted.length > 0) handlers.onMailChanged();
  });

  router.post("/api/graph/lifecycle", ...body, (req, res) => {
    const validation = validationResponse(req.query);
    if (validation) return void res.status(validation.status).type(validation.contentType).send(validation.body);
    const { accepted, rejected } = parseLifecycleNotifications(req.body, handlers.clientState);
    if (rejected > 0) handlers.logger.warn("graph.lifecycle.rejected", { rejected });
    res.status(202).end();
    for (const { lifecycleEvent, subscriptionId } of accepted) handlers.onLifecycle(lifecycleEvent, subscriptionId);
  });

  return router;
}
