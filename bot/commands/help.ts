import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { helpCard, welcomeCard } from "../cards/help.js";
import type { Turn } from "../turn.js";
import { helpViewFor } from "./ask.js";
import { worksInSeveral } from "./centre.js";

/** The list of commands; for someone who works in several centres, naming the one answering and `centre`. */
export const help = async (deps: BotDeps, turn: Turn): Promise<AdaptiveCardJson> =>
  helpCard({
    ...helpViewFor(turn),
    ...((await worksInSeveral(deps.county, turn)) ? { centre: deps.app.centre.name } : {}),
  });

export const welcome = (deps: BotDeps, turn: Turn): AdaptiveCardJson =>
  welcomeCard({ centreName: deps.app.centre.name, ...helpViewFor(turn) });
