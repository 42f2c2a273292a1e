import { agendaCases } from "../../src/app/queries/agenda.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { transferPanelAgendaCards } from "../cards/transfer-panel-agenda.js";
import { maamAgenda, screeningAgenda } from "../presenters/agenda-cards.js";
import { sharedCardDetail } from "../presenters/shared-card-detail.js";
import { transferPanelOf, transferPanelView } from "../presenters/transfer-panel-view.js";
import { refusal } from "../replies.js";

/** `screening`: every contact awaiting screening, now (the daily job posts the same agenda at its set time). */
export const screeningNow = async (deps: BotDeps): Promise<AdaptiveCardJson[]> =>
  screeningAgenda(deps, await agendaCases(deps.app, "screening"));

/** `maam`: every case sent to MAAM, with its 1.1 clock. */
export const maamNow = async (deps: BotDeps): Promise<AdaptiveCardJson[]> =>
  maamAgenda(deps, await agendaCases(deps.app, "maam"));

/** `transfer panel`: Bexley's weekly panel; a profile without one says so. */
export async function transferPanelNow(deps: BotDeps): Promise<AdaptiveCardJson[]> {
  const panel = transferPanelOf(deps);
  if (panel === undefined) {
    return [
      refusal(
        "This Family Centre's practice framework has no transfer panel",
        "Cases move to and from Social Care through screening and MAAM.",
      ),
    ];
  }
  return transferPanelAgendaCards(
    transferPanelView(deps, panel, await agendaCases(deps.app, "transfer-panel"), await sharedCardDetail(deps)),
  );
}
