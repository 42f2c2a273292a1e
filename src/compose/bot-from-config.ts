import { createRemoteJWKSet } from "jose";
import { BOT_FRAMEWORK_JWKS_URL, TEAMS_SERVICE_HOSTS } from "../../bot/auth/channel-gate.js";
import { createBot, type Bot } from "../../bot/bot-adapter.js";
import type { BotAuth, BotDeps } from "../../bot/bot-deps.js";
import type { AppDeps } from "../app/app-deps.js";
import { staffOfTeamsUser } from "../app/people.js";
import type { Config } from "./config.js";
import type { LocalMode } from "./local-mode/local-mode.js";

/** Production: the bot's own registration, the Bot Framework's published keys, Teams' hosts plus configured ones. */
function botAuth(config: Config): BotAuth {
  if (config.mode !== "production" || config.bot === undefined) return { mode: "local" };
  const { serviceUrlHosts, ...bot } = config.bot;
  return {
    mode: "production",
    tenantId: config.graph.tenantId ?? "",
    ...bot,
    channelKeys: createRemoteJWKSet(BOT_FRAMEWORK_JWKS_URL),
    serviceUrlHosts: [...TEAMS_SERVICE_HOSTS, ...serviceUrlHosts],
  };
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
