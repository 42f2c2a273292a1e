import { createRemoteJWKSet } from "jose";
import { BOT_FRAMEWORK_JWKS_URL, TEAMS_SERVICE_HOSTS } from "../../bot/auth/channel-gate.js";
import { createBot, type Bot } from "../../bot/bot-adapter.js";
import type { BotAuth, BotDeps } from "../../bot/bot-deps.js";
import type { BotCounty } from "../../bot/centres/bot-centres.js";
import type { AppDeps } from "../app/app-deps.js";
import { staffOfTeamsUser, type IdentifyPerson } from "../app/people.js";
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

/** Who a Teams user is to a centre: its Staff table, or local mode's anyone-may-do-anything. */
export const identifyIn = (app: AppDeps, local?: LocalMode): IdentifyPerson => local?.identify ?? staffOfTeamsUser(app);

/** The Teams bot as configured; with `county`, one of a county's centres' bots (its cards name its centre). */
export function botFromConfig(config: Config, app: AppDeps, local?: LocalMode, county?: BotCounty): Bot {
  const deps: BotDeps = {
    app,
    identify: identifyIn(app, local),
    auth: botAuth(config),
    tabUrl: `${config.http.publicBaseUrl}/tab/`,
    ...(config.teams ? { teamsAppId: config.teams.appId } : {}),
    ...(county ? { county } : {}),
  };
  return createBot(deps);
}
