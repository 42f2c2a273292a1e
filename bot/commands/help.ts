import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { helpCard, welcomeCard } from "../cards/help.js";
import type { Turn } from "../turn.js";
import { helpViewFor } from "./ask.js";

export const help = (turn: Turn): AdaptiveCardJson => helpCard(helpViewFor(turn));

export const welcome = (deps: BotDeps, turn: Turn): AdaptiveCardJson =>
  welcomeCard({ centreName: deps.app.centre.name, ...helpViewFor(turn) });
