import { randomUUID } from "node:crypto";
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from "express";
import type { StandInContext } from "./context.js";
import { errorBody, GraphError } from "./errors.js";
import { BATCH_PART_HEADER, registerBatchRoute } from "./routes-batch.js";
import { registerControlRoutes } from "./routes-control.js";
import { appliedPreferences, registerMessageRoutes } from "./routes-messages.js";
import { registerPage } from "./page.js";
import { registerSendRoutes } from "./routes-send.js";
import { registerSubscriptionRoutes } from "./routes-subscriptions.js";
import { routeKey, type StatsCounter } from "./stats.js";

/** Graph's body limit is far above our mail (35 MB raw is ~47 MB as base64 JSON). */
const BODY_LIMIT = "50mb";

/** The Graph v1.0 subset on one express app, with the page and the control API beside it. */
export function createGraphApp(context: StandInContext, control: { reset: () => void; stats: () => object }): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(rewriteFolderSegments);
  app.use(express.json({ limit: BODY_LIMIT }));
  // Latency comes after admission: it stands for the time Exchange spends serving the request.
  app.use("/v1.0", countRequest(context), authenticate, throttle(context), delay(context));
  // The user is resolved before anything else in the path, as Graph does.
  app.param("user", (_req, _res, next, user: string) => {
    context.mailboxes.get(user);
    next();
  });
  registerMessageRoutes(app, context);
  registerSendRoutes(app, context);
  registerSubscriptionRoutes(app, context);
  registerBatchRoute(app, context);
  registerControlRoutes(app, context, control.reset, control.stats);
  registerPage(app, context);
  app.use("/v1.0", (req, _res, next) => {
    next(
      new GraphError(
        400,
        "BadRequest",
        `Resource not found for the segment '${req.path}' (not part of the stand-in's Graph subset).`,
      ),
    );
  });
  app.use(answerError(context));
  return app;
}

/** Graph accepts `mailFolders('inbox')` as well as `mailFolders/inbox`; routes see the second form. */
const rewriteFolderSegments: RequestHandler = (req, _res, next) => {
  req.url = req.url.replace(
    /mailFolders(?:\('|%28'|%28%27|\(%27)([^'%)]+)(?:'\)|'%29|%27%29|%27\))/i,
    "mailFolders/$1",
  );
  next();
};

/** The counter a request is counted in: its mailbox's (which counts in the whole's too), or the whole's. */
const counterFor = (req: Request, context: StandInContext): StatsCounter =>
  context.mailboxes.inPath(req.path)?.stats ?? context.stats;

function countRequest(context: StandInContext): RequestHandler {
  return (req, res, next) => {
    const route = routeKey(req.method, req.originalUrl.split("?")[0] ?? "");
    const part = req.get(BATCH_PART_HEADER) !== undefined;
    const stats = counterFor(req, context);
    res.once("close", () => {
      if (part) stats.recordBatchPart(route, res.statusCode);
      else stats.recordRequest(route, res.statusCode);
    });
    const applied = appliedPreferences(req);
    if (applied) res.set("Preference-Applied", applied);
    next();
  };
}

/** Any non-empty bearer token will do: the stand-in checks that the client sends one, as Graph requires. */
const authenticate: RequestHandler = (req, _res, next) => {
  const token = /^Bearer\s+(\S+)/i.exec(req.get("authorization") ?? "")?.[1];
  next(token ? undefined : new GraphError(401, "InvalidAuthenticationToken", "Access token is empty."));
};

/** Admitted requests are in Exchange's hands (a `$batch` itself is not: its parts are) until they are answered. */
function delay(context: StandInContext): RequestHandler {
  return (req, res, next) => {
    if (req.path !== "/$batch") {
      const stats = counterFor(req, context);
      stats.started();
      res.once("close", () => stats.finished());
    }
    const ms = context.faults.get().latencyMs;
    if (ms > 0) setTimeout(next, ms);
    else next();
  };
}

/**
 * Injected 429/503 first, then (when enforced) the limits of the mailbox the request is for: Exchange's limits are
 * per mailbox, so a request for none (`/subscriptions`, an unknown user) meets none. `$batch` itself is not counted:
 * its parts are.
 */
function throttle(context: StandInContext): RequestHandler {
  return (req, res, next) => {
    if (req.path === "/$batch") return next();
    const mailbox = context.mailboxes.inPath(req.path);
    const injected = context.faults.injectedThrottle(mailbox?.address);
    if (injected) return next(injected);
    if (!mailbox || !context.faults.get().enforceMailboxLimits) return next();
    const refused = mailbox.limits.admit(context.now().getTime());
    if (refused) return next(refused);
    res.once("close", () => mailbox.limits.release());
    next();
  };
}

function answerError(context: StandInContext): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const graphError =
      error instanceof GraphError
        ? error
        : isBodyParseError(error)
          ? new GraphError(400, "RequestBodyRead", "The request body is not valid JSON.")
          : undefined;
    if (!graphError) context.log(`unexpected error: ${withoutMessage(error)}`);
    const answer =
      graphError ?? new GraphError(500, "generalException", "The stand-in failed unexpectedly; see its log.");
    const requestId = randomUUID();
    res
      .status(answer.status)
      .set(answer.headers)
      .set("request-id", requestId)
      .json(errorBody(answer, requestId, context.now()));
  };
}

function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "type" in error &&
    (error as { type: unknown }).type === "entity.parse.failed"
  );
}

/** The error's name and stack frames, without its message: a message may quote mail content. */
function withoutMessage(error: unknown): string {
  if (!(error instanceof Error)) return "unknown";
  const stack = error.stack ?? "";
  return `${error.name}${stack.slice(Math.max(0, stack.indexOf("\n    at ")))}`;
}
