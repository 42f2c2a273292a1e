import express, { type Express, type RequestHandler, type Router } from "express";

export interface HttpAppParts {
  readonly routers: readonly Router[];
  /** The bot's endpoint (POST /api/messages), when the bot is wired. */
  readonly botHandler?: RequestHandler;
}

/** The one HTTP surface of the service; handlers only translate HTTP to use cases. */
export function createHttpApp(parts: HttpAppParts): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  for (const router of parts.routers) app.use(router);
  if (parts.botHandler) app.post("/api/messages", express.json({ limit: "1mb" }), parts.botHandler);
  return app;
}
