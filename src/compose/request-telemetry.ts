import type { Request, RequestHandler } from "express";
import { traceRequest } from "../logging/telemetry.js";

/** The route template that answered (`/api/cases/:caseId`), or a fixed label: never the path as sent. */
function routeOf(req: Request): string {
  const path: unknown = req.route?.path;
  if (typeof path === "string") return `${req.baseUrl}${path}`;
  return req.originalUrl.startsWith("/tab/") || req.originalUrl === "/tab" ? "/tab/*" : "(no route)";
}

/** Each request as a span (an Application Insights request): method, route template, status and duration. */
export function requestTelemetry(): RequestHandler {
  return (req, res, next) => {
    traceRequest(req.method, (finish) => {
      res.once("finish", () => finish(routeOf(req), res.statusCode));
      next();
    });
  };
}
