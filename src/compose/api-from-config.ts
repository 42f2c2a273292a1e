import { createRemoteJWKSet } from "jose";
import type { Router } from "express";
import { entraJwksUrl, PRE_AUTHORISED_CLIENTS, type TokenPolicy } from "../api/auth/verify-token.js";
import type { ApiDeps } from "../api/api-deps.js";
import { createApiRouter } from "../api/create-api-router.js";
import type { AppDeps } from "../app/app-deps.js";
import type { Config } from "./config.js";
import type { Logger } from "../logging/logger.js";
import { PROFILE_IDS, loadProfile } from "../policy/profiles/index.js";
import type { LocalMode } from "./local-mode/local-mode.js";

/** Entra signs with keys that roll over; a few minutes' skew between clocks is normal. */
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * Production: Entra tokens for the tenant, for one of the API's audiences, checked against its published keys,
 * obtained by a pre-authorised Microsoft client or the tab itself (nested app authentication).
 */
function entraTokens(config: Config): TokenPolicy {
  const tenantId = config.graph.tenantId ?? "";
  return {
    keys: createRemoteJWKSet(entraJwksUrl(tenantId)),
    tenantId,
    audiences: config.api.audiences,
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    clients: [...PRE_AUTHORISED_CLIENTS, ...(config.api.clientId ? [config.api.clientId] : [])],
  };
}

/** The tokens the tab's API accepts: Entra's, or local mode's development tokens (the same for every centre). */
export const tokenPolicyFromConfig = (config: Config, local?: LocalMode): TokenPolicy =>
  local?.tokens ?? entraTokens(config);

/**
 * The tab's API as configured; local mode brings its own tokens and the user switcher's routes. `countyStaff`: the
 * county's staff list, whose county managers read this centre's figures.
 */
export function apiFromConfig(
  config: Config,
  app: AppDeps,
  logger: Logger,
  local?: LocalMode,
  countyStaff?: ApiDeps["countyStaff"],
): Router {
  const profiles = PROFILE_IDS.map((id) => ({ id, name: loadProfile(id).name }));
  const tokens = tokenPolicyFromConfig(config, local);
  const { clientId, scope } = config.api;
  const tenantId = config.graph.tenantId;
  const signIn = !local && clientId && scope && tenantId ? { clientId, scope, tenantId } : undefined;
  return createApiRouter(
    {
      app,
      tokens,
      profiles,
      localMode: local !== undefined,
      ...(signIn ? { signIn } : {}),
      ...(countyStaff ? { countyStaff } : {}),
    },
    logger,
    local ? [local.routes] : [],
  );
}
