import { Router } from "express";
import type { ApiDeps } from "../api-deps.js";
import type { SignInConfig } from "../contract.js";
import { notFound } from "../errors.js";

/**
 * What the tab needs to sign in by nested app authentication: its registration, the tenant and the API's scope.
 * None of it is secret (Teams' manifest carries the same); unauthenticated, since it comes before signing in.
 * Local mode has none (its tokens are development tokens).
 */
export function signInRoutes(deps: Pick<ApiDeps, "signIn">): Router {
  const router = Router();
  router.get("/sign-in", (_req, res, next) => {
    if (deps.signIn === undefined) return next(notFound("Sign-in settings (local mode signs its own tokens)"));
    const body: SignInConfig = deps.signIn;
    res.json(body);
  });
  return router;
}
