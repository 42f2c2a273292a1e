import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";
import {
  apiRateLimit,
  botRateLimit,
  DEFAULT_RATE_LIMITS,
  securityHeaders,
  TAB_CSP,
  type RateLimits,
} from "./http-security.js";
import { requestTelemetry } from "./request-telemetry.js";

export interface HttpAppParts {
  readonly routers: readonly RequestHandler[];
  /** The bot's endpoint (POST /api/messages), when the bot is wired. */
  readonly botHandler?: RequestHandler;
  /** Where the built tab lives; defaults to tab/dist beside the sources (or beside dist/ once compiled). */
  readonly tabDirs?: readonly string[];
  /** Production: HSTS on every answer. */
  readonly production?: boolean;
  readonly rateLimits?: RateLimits;
}

/** The one HTTP surface of the service; handlers only translate HTTP to use cases. */
export function createHttpApp(parts: HttpAppParts): Express {
  const app = express();
  const limits = parts.rateLimits ?? DEFAULT_RATE_LIMITS;
  app.disable("x-powered-by");
  app.use(securityHeaders(parts.production ?? false));
  app.use(requestTelemetry());
  app.use("/tab", tabFiles(parts.tabDirs ?? DEFAULT_TAB_DIRS));
  app.use("/api", apiRateLimit(limits));
  for (const router of parts.routers) app.use(router);
  if (parts.botHandler) {
    app.post("/api/messages", express.json({ limit: "1mb" }), botRateLimit(limits), parts.botHandler);
  }
  return app;
}

const DEFAULT_TAB_DIRS = ["../../tab/dist", "../../../tab/dist"].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/**
 * The tab's static files: hashed assets cached for a year, pages always revalidated (so a deploy shows at once).
 * The folder is looked up per request so that building the tab while the service runs just works.
 */
function tabFiles(dirs: readonly string[]): RequestHandler {
  const servers = new Map<string, RequestHandler>();
  return (req, res, next) => {
    res.setHeader("Content-Security-Policy", TAB_CSP);
    const dir = dirs.find((d) => existsSync(`${d}/index.html`));
    if (dir === undefined) {
      res.status(503).type("text/plain").send("The tab has not been built yet: run npm run build:tab.");
      return;
    }
    let serve = servers.get(dir);
    if (serve === undefined) {
      serve = express.static(dir, {
        setHeaders: (response, path) =>
          response.setHeader(
            "Cache-Control",
            path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
          ),
      });
      servers.set(dir, serve);
    }
    serve(req, res, next);
  };
}
