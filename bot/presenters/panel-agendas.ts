import type { SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import type { RedrawnFor } from "../cards/elements/agenda.js";
import { maamAgendaCard, type MaamAgendaItem } from "../cards/maam-agenda.js";
import { screeningAgendaCard, type ScreeningAgendaItem } from "../cards/screening-agenda.js";
import { transferPanelAgendaCard } from "../cards/transfer-panel-agenda.js";
import { maamItem } from "./maam-agenda-view.js";
import { panelAgendaView } from "./panel-agenda-view.js";
import type { CaseInHand } from "./panel-decisions.js";
import { recentAgendaItems, type RecentItems } from "./recent-agenda-items.js";
import { screeningItem } from "./screening-agenda-view.js";
import { sharedCardDetail } from "./shared-card-detail.js";
import { transferPanelOf, transferPanelView } from "./transfer-panel-view.js";

/**
 * Why a card is drawn again: around the case as a use case just answered it (`inHand`), and, for the person who
 * clicked only, with the item that was not recorded and what they had typed.
 */
export interface Redraw extends RedrawnFor {
  readonly inHand?: CaseInHand;
}

/** Draws the agenda card a click came from again, with the cases it showed. */
export type RedrawAgenda = (deps: BotDeps, caseIds: readonly string[], redraw: Redraw) => Promise<AdaptiveCardJson>;

/** How a panel's agenda items are built, kept and drawn on one card. */
interface PanelAgenda<Item> {
  recent(deps: BotDeps): RecentItems<Item>;
  item(deps: BotDeps, kase: CaseInHand, now: Date): Item;
  card(
    deps: BotDeps,
    workers: readonly WorkerChoice[],
    items: readonly Item[],
    now: Date,
    redraw: RedrawnFor,
    detail: SharedCardDetail,
  ): AdaptiveCardJson;
}

/**
 * The card redrawn around the case in hand: items this bot built in the last minute are reused, so only the decided
 * case and any not seen lately are read and worked out again.
 */
const redrawFrom =
  <Item>(agenda: PanelAgenda<Item>): RedrawAgenda =>
  async (deps, ids, { inHand, ...redraw }) => {
    const now = deps.app.clock.now();
    const at = now.getTime();
    const recent = agenda.recent(deps);
    const shared = recentAgendaItems(deps);
    const keep = (kase: CaseInHand) =>
      recent.keep(kase.case.id, kase.case.events.length, () => agenda.item(deps, kase, now), at);
    if (inHand) keep(inHand);
    const unseen = ids.filter((id) => recent.recall(id, at) === undefined);
    for (const stored of await Promise.all(unseen.map((id) => shared.reads.read(deps, id)))) {
      if (stored !== undefined) keep(stored);
    }
    const workers = await shared.workers.choices(deps, at);
    const items = ids.map((id) => recent.recall(id, at)).filter((item): item is Item => item !== undefined);
    return agenda.card(deps, workers, items, now, redraw, await sharedCardDetail(deps));
  };

/** Rule 2.1's daily screening agenda, as a decision redraws one of its cards. */
export const redrawScreeningAgenda = redrawFrom<ScreeningAgendaItem>({
  recent: (deps) => recentAgendaItems(deps).screening,
  item: screeningItem,
  card: (deps, workers, items, now, redraw, detail) =>
    screeningAgendaCard({ ...panelAgendaView(deps, "screening", workers, items, now, detail), ...redraw }),
});

/** The MAAM agenda (1.1, 3.x), as a decision redraws one of its cards. */
export const redrawMaamAgenda = redrawFrom<MaamAgendaItem>({
  recent: (deps) => recentAgendaItems(deps).maam,
  item: maamItem,
  card: (deps, workers, items, now, redraw, detail) =>
    maamAgendaCard({ ...panelAgendaView(deps, "maam", workers, items, now, detail), ...redraw }),
});

/** Bexley's transfer panel agenda, redrawn from the cases it showed (a weekly panel: a handful of cases). */
export const redrawTransferAgenda: RedrawAgenda = async (deps, ids, { inHand: _inHand, ...redraw }) => {
  const panel = transferPanelOf(deps);
  const found = await Promise.all(ids.map((id) => deps.app.cases.findCase(id)));
  const cases = found.filter((c): c is StoredCase => c !== undefined);
  if (panel === undefined) throw new RangeError("A transfer panel decision was recorded with no transfer panel.");
  return transferPanelAgendaCard({ ...transferPanelView(deps, panel, cases, await sharedCardDetail(deps)), ...redraw });
};
