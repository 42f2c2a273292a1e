import { createRemoteJWKSet } from "jose";
import type { Router } from "express";
import type { AppDeps } from "../app/app-deps.js";
import type { Config } from "../config.js";
import type { Logger } from "../logging/logger.js";
import { PROFILE_IDS, loadProfile } from "../policy/profiles/index.js";
import { AlreadyExistsError } from "../ports/errors.js";
import type { Store } from "../store/store.js";
import type { ApiDeps } from "./api-deps.js";
import { createDevTokens } from "./auth/dev-tokens.js";
import { entraJwksUrl } from "./auth/verify-token.js";
import { createApiRouter } from "./create-api-router.js";

/** LOCAL MODE ONLY: the bot's demo team has no admin, and the user switcher should let a person try Settings. */
const DEMO_ADMIN = {
  id: "demo-admin",
  displayName: "Demo Admin",
  email: "admin@familycentre.example",
  roles: ["admin"],
} as const;

async function seedDemoAdmin(store: Store): Promise<void> {
  try {
    await store.staff.put(DEMO_ADMIN.id, { ...DEMO_ADMIN, roles: [...DEMO_ADMIN.roles] });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
}

/** Entra signs with keys that roll over; a few minutes' skew between clocks is normal. */
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * The API as configured. Production: Entra tokens for the tenant, checked against its published keys.
 * Local mode: development tokens signed with a key made now, and the user switcher's routes.
 */
export async function apiFromConfig(config: Config, app: AppDeps, store: Store, logger: Logger): Promise<Router> {
  const profiles = PROFILE_IDS.map((id) => ({ id, name: loadProfile(id).name }));
  const shared = { app, staff: store.staff, settings: store.settings, compliance: store.compliance, profiles };
  let deps: ApiDeps;
  if (config.mode === "local") {
    const devTokens = await createDevTokens();
    await seedDemoAdmin(store);
    deps = { ...shared, tokens: devTokens.policy, devTokens };
    logger.warn("api.local-mode", { note: "the tab's API accepts only local development tokens" });
  } else {
    const tenantId = config.graph.tenantId ?? "";
    deps = {
      ...shared,
      tokens: {
        keys: createRemoteJWKSet(entraJwksUrl(tenantId)),
        tenantId,
        audiences: config.api.audiences,
        clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
      },
    };
  }
  return createApiRouter(deps, logger);
}
