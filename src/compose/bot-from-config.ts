import { createBot, type Bot } from "../../bot/bot-adapter.js";
import type { BotAuth, BotDeps } from "../../bot/bot-deps.js";
import type { AppDeps } from "../app/app-deps.js";
import { staffOfTeamsUser } from "../app/people.js";
import type { Config } from "./config.js";
import type { LocalMode } from "./local-mode/local-mode.js";

function botAuth(config: Config): BotAuth {
  return config.bot ? { mode: "production", tenantId: config.graph.tenantId ?? "", ...config.bot } : { mode: "local" };
}

/** The Teams bot as configured: who a Teams user is comes from the Staff table, or from local mode. */
export function botFromConfig(config: Config, app: AppDeps, local?: LocalMode): Bot {
  const deps: BotDeps = {
    app,
    identify: local?.identify ?? staffOfTeamsUser(app),
    auth: botAuth(config),
    tabUrl: `${config.http.publicBaseUrl}/tab/`,
    ...(config.teams ? { teamsAppId: config.teams.appId } : {}),
  };
  return createBot(deps);
}
