import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { helpCard, welcomeCard } from "../cards/help.js";

export const help = (): AdaptiveCardJson => helpCard();

export const welcome = (deps: BotDeps): AdaptiveCardJson => welcomeCard({ centreName: deps.app.centre.name });
