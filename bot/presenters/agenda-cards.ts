import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { maamAgendaCards } from "../cards/maam-agenda.js";
import { screeningAgendaCards } from "../cards/screening-agenda.js";
import { maamAgendaView } from "./maam-agenda-view.js";
import { screeningAgendaView } from "./screening-agenda-view.js";

/** The daily screening agenda (2.1), split to fit Teams. */
export async function screeningAgenda(
  deps: BotDeps,
  cases: readonly StoredCase[],
  date?: LocalDate,
): Promise<AdaptiveCardJson[]> {
  return screeningAgendaCards(await screeningAgendaView(deps, cases, date));
}

export async function maamAgenda(
  deps: BotDeps,
  cases: readonly StoredCase[],
  date?: LocalDate,
): Promise<AdaptiveCardJson[]> {
  return maamAgendaCards(await maamAgendaView(deps, cases, date));
}

/** One agenda card redrawn after a click: the cases were on one card, so they fit on one. */
export const firstCard = (cards: readonly AdaptiveCardJson[]): AdaptiveCardJson => {
  const [card] = cards;
  if (card === undefined) throw new RangeError("An agenda always renders at least one card.");
  return card;
};
