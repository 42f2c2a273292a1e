import { Router, text, json, type RequestHandler } from "express";
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
  /**
   * The centre whose inbox these are: its notifications come to `/api/graph/notify/<centre>`. The first centre also
   * answers at `/api/graph/notify`, where a one-centre deployment's subscription still points.
   */
  readonly centre: string;
  readonly first: boolean;
}

/**
 * `/api/graph/notify/<centre>` and `/api/graph/lifecycle/<centre>`: answer the validation handshake in plain text, check clientState
 * on every notification, answer 202 at once and do the work after (Graph wants 2xx within 3 s).
 */
export function notificationRoutes(handlers: NotificationHandlers): Router {
  const router = Router();
  const body = [json({ limit: "1mb" }), text({ type: "text/*" })];

  const paths = (kind: string) => [
    `/api/graph/${kind}/${handlers.centre}`,
    ...(handlers.first ? [`/api/graph/${kind}`] : []),
  ];

  const notify: RequestHandler = (req, res) => {
    const validation = validationResponse(req.query);
    if (validation) return void res.status(validation.status).type(validation.contentType).send(validation.body);
    const { accepted, rejected } = parseChangeNotifications(req.body, handlers.clientState);
    if (rejected > 0) handlers.logger.warn("graph.notification.rejected", { rejected });
    res.status(202).end();
    if (accepted.length > 0) handlers.onMailChanged();
  };

  const lifecycle: RequestHandler = (req, res) => {
    const validation = validationResponse(req.query);
    if (validation) return void res.status(validation.status).type(validation.contentType).send(validation.body);
    const { accepted, rejected } = parseLifecycleNotifications(req.body, handlers.clientState);
    if (rejected > 0) handlers.logger.warn("graph.lifecycle.rejected", { rejected });
    res.status(202).end();
    for (const { lifecycleEvent, subscriptionId } of accepted) handlers.onLifecycle(lifecycleEvent, subscriptionId);
  };

  for (const path of paths("notify")) router.post(path, ...body, notify);
  for (const path of paths("lifecycle")) router.post(path, ...body, lifecycle);

  return router;
}
