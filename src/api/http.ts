import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Logger } from "../logging/logger.js";
import type { ApiDeps } from "./api-deps.js";
import { callerOf, requireRole, type Caller } from "./auth/caller.js";
import { ApiError, badRequest, etagRequired, statusOf } from "./errors.js";
import type { CountyRole, StaffRole } from "../domain/staff.js";

type Handler = (req: Request, res: Response, caller: Caller) => Promise<unknown>;

/** An authenticated route: verifies the token, checks the role, answers the handler's value as JSON. */
export function route(deps: ApiDeps, roles: readonly (StaffRole | CountyRole)[], handler: Handler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const caller = await callerOf(deps, req);
      requireRole(caller, roles);
      const body = await handler(req, res, caller);
      if (!res.headersSent) res.json(body);
    })().catch(next);
  };
}

const hasCode = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === "string";

/** `{ error: { code, message } }` for every refusal; the unexpected is logged (no personal data) and is a 500. */
export function apiErrorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    void _next;
    if (error instanceof ApiError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    const status = hasCode(error) ? statusOf(error.code) : undefined;
    if (hasCode(error) && status !== undefined) {
      res.status(status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    if (error instanceof SyntaxError && "body" in error) {
      res.status(400).json({ error: { code: "API.BAD_REQUEST", message: "The request body is not valid JSON." } });
      return;
    }
    logger.error("api.failed", {
      error: error instanceof Error ? error.name : "unknown",
      code: hasCode(error) ? error.code : undefined,
    });
    res.status(500).json({
      error: {
        code: "API.INTERNAL",
        message: "Something went wrong. Try again; if it keeps happening, tell an admin.",
      },
    });
  };
}

/** The ETag the caller read, from `If-Match` (weak or strong, quoted as sent). */
export function ifMatch(req: Request): string {
  const value = req.get("if-match");
  if (value === undefined || value.trim() === "") throw etagRequired();
  return value.trim();
}

export const queryString = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

export function requireString(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== "string" || value.trim() === "") throw badRequest(`"${name}" is required.`);
  return value;
}
