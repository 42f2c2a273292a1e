import { centresOfPerson, type BotCounty, type CentreRef } from "../centres/bot-centres.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { centreSwitcherCard } from "../cards/centre-switcher.js";
import type { Turn } from "../turn.js";

/** This bot's centre, as the switcher names it. */
const ownCentre = (deps: BotDeps): CentreRef => ({ id: deps.county?.centreId ?? "", name: deps.app.centre.name });

/** The switcher with this bot's centre as the current one and the person's other centres as buttons. */
export async function centreSwitcher(deps: BotDeps, turn: Turn): Promise<AdaptiveCardJson> {
  const current = ownCentre(deps);
  const mine = deps.county === undefined ? [] : (await centresOfPerson(deps.county.centres, turn.user)).mine;
  return centreSwitcherCard({ current, others: mine.filter((c) => c.id !== current.id) });
}

/** How many centres the person works in: replies name the centre when there are several. */
export async function worksInSeveral(county: BotCounty | undefined, turn: Turn): Promise<boolean> {
  return county !== undefined && (await county.centres.of(turn.user)).length > 1;
}
