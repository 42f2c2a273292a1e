import type { MaamAgendaItem } from "../cards/maam-agenda.js";
import { maamAgendaCards } from "../cards/maam-agenda.js";
import type { ScreeningAgendaItem } from "../cards/screening-agenda.js";
import { screeningAgendaCards } from "../cards/screening-agenda.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import { firstCard } from "./agenda-cards.js";
import { maamItem } from "./maam-agenda-view.js";
import { panelAgendaView } from "./panel-agenda-view.js";
import type { CaseInHand, PanelId } from "./panel-decisions.js";
import { recentAgendaItems, type RecentItems } from "./recent-agenda-items.js";
import { screeningItem } from "./screening-agenda-view.js";

/** How a panel's agenda items are built, kept and drawn on one card. */
export interface PanelAgenda<Item> {
  readonly panel: Extract<PanelId, "screening" | "maam">;
  recent(deps: BotDeps): RecentItems<Item>;
  item(deps: BotDeps, kase: CaseInHand, now: Date): Item;
  card(deps: BotDeps, workers: readonly WorkerChoice[], items: readonly Item[], now: Date): AdaptiveCardJson;
}

/** Rule 2.1's daily screening agenda, as a decision redraws one of its cards. */
export const SCREENING_AGENDA: PanelAgenda<ScreeningAgendaItem> = {
  panel: "screening",
  recent: (deps) => recentAgendaItems(deps).screening,
  item: screeningItem,
  card: (deps, workers, items, now) =>
    firstCard(screeningAgendaCards(panelAgendaView(deps, "screening", workers, items, now))),
};

/** Rule 3.1's MAAM agenda, as a decision redraws one of its cards. */
export const MAAM_AGENDA: PanelAgenda<MaamAgendaItem> = {
  panel: "maam",
  recent: (deps) => recentAgendaItems(deps).maam,
  item: maamItem,
  card: (deps, workers, items, now) => firstCard(maamAgendaCards(panelAgendaView(deps, "maam", workers, items, now))),
};
