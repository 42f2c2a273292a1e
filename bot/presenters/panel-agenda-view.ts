import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { BotDeps } from "../bot-deps.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import { panelOf, type PanelId } from "../../src/app/queries/panels.js";
import type { SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";

/**
 * A panel's agenda around items already built: its day (today unless given: a queued agenda posted late still says
 * its own day), the profile's outcomes for that panel, the worker picker and
 * how much the centre lets the chat see of each case. Screening and MAAM cards both read it.
 */
export function panelAgendaView<Item>(
  deps: BotDeps,
  panel: Extract<PanelId, "screening" | "maam">,
  workers: readonly WorkerChoice[],
  items: readonly Item[],
  now: Date,
  detail: SharedCardDetail,
  date?: LocalDate,
) {
  return {
    timeZone: deps.app.calendar.timeZone,
    detail,
    now: now.toISOString(),
    date: date ?? deps.app.calendar.localDate(now),
    outcomes: panelOf(deps.app.profile, panel)?.outcomes ?? [],
    workers,
    items,
  };
}
