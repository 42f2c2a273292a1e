import type { Router } from "express";
import type { TokenPolicy } from "../../api/auth/verify-token.js";
import type { AppDeps } from "../../app/app-deps.js";
import type { IdentifyPerson } from "../../app/people.js";
import { STAFF_ROLES } from "../../domain/staff.js";
import type { Config } from "../config.js";
import type { Logger } from "../../logging/logger.js";
import { seedDemoStaff } from "./demo-staff.js";
import { devRoutes, type DevPeople } from "./dev-routes.js";
import { createDevTokens, type DevTokens } from "./dev-tokens.js";

/**
 * LOCAL MODE ONLY, and all of it in this one folder: the composition root wires it when `FC_MODE=local` and never
 * otherwise. Everything it changes is named here: how the tab's tokens are checked (development tokens signed with
 * a key made at start), the user switcher's routes, who a Teams user is (anyone, with every role, so each step can be
 * tried at once), and the demo staff written into the Staff table.
 */
export interface LocalMode {
  readonly tokens: TokenPolicy;
  readonly routes: Router;
  readonly identify: IdentifyPerson;
}

/** Anyone who chats with the bot acts with every role. */
export const everyoneHasEveryRole: IdentifyPerson = async (person) => {
  const id = person.aadObjectId ?? person.id;
  return { staffId: id, actor: { kind: "staff", id, displayName: person.name ?? "Local user" }, roles: STAFF_ROLES };
};

/**
 * Refuses outside `FC_MODE=local`: nothing here may ever run against a council's tenant. `shared`: with several
 * centres, the tokens every centre's API accepts and the people the user switcher lists (else this centre's own).
 */
export async function startLocalMode(
  config: Pick<Config, "mode">,
  deps: Pick<AppDeps, "staff" | "clock">,
  logger: Logger,
  shared?: { readonly tokens: DevTokens; readonly people: DevPeople["staff"] },
): Promise<LocalMode> {
  if (config.mode !== "local") throw localModeRefused();
  const devTokens = shared?.tokens ?? (await createDevTokens());
  await seedDemoStaff(deps.staff);
  if (shared === undefined) warnOfLocalMode(logger);
  const people = { staff: shared?.people ?? deps.staff, clock: deps.clock };
  return { tokens: devTokens.policy, routes: devRoutes(people, devTokens), identify: everyoneHasEveryRole };
}

/** Said once per service: with several centres, by `localModeAcrossCentres` rather than by each centre. */
export function warnOfLocalMode(logger: Logger): void {
  logger.warn("service.local-mode", {
    note: "LOCAL MODE: development tokens for the tab, every role for anyone in the bot, demo staff. Never expose it.",
  });
}

export const localModeRefused = (): Error =>
  Object.assign(
    new Error(
      "Local mode (development tokens, every role for anyone, demo staff) was asked for outside FC_MODE=local. It never runs in production.",
    ),
    { code: "CONFIG.LOCAL_MODE_REFUSED" },
  );
