import type { RequestHandler, Router } from "express";

const CENTRE_PATH = /^\/api\/centres\/([^/]+)(\/.*)?$/;

/**
 * `/api/centres/<id>/…`: that centre's own API, as if called at `/api/…`. Each centre's API checks the caller against
 * its own staff list, so a member of another centre's staff is refused (403) before anything is read. An id no
 * centre has answers 404.
 */
export function centreApiRoutes(apis: ReadonlyMap<string, Router>): RequestHandler {
  return (req, res, next) => {
    const match = CENTRE_PATH.exec(req.path);
    if (match === null) return next();
    const api = apis.get(match[1] ?? "");
    if (api === undefined) {
      res.status(404).json({ error: { code: "API.NOT_FOUND", message: "No such Family Centre is served here." } });
      return;
    }
    const query = req.url.slice(req.path.length);
    req.url = `/api${match[2] ?? "/"}${query}`;
    api(req, res, next);
  };
}
