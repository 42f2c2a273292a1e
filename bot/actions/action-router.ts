import type { BotDeps } from "../bot-deps.js";
import type { Turn } from "../turn.js";
import { redrawMaamAgenda, redrawScreeningAgenda, redrawTransferAgenda } from "../presenters/panel-agendas.js";
import { saidUnderTheCard, type ActionResult } from "./action-result.js";
import { CHOOSE_CENTRE_VERB } from "../cards/centre-switcher.js";
import { chooseCentre } from "./choose-centre.js";
import { decidePanelItem } from "./decide-panel.js";
import { recordClockReason } from "./record-clock-reason.js";
import { logContactOnCard } from "./log-contact.js";
import { takeCaseActionOnCard } from "./take-case-action.js";
import { TRIAGE_ACTIONS } from "./triage-actions.js";

type ActionHandler = (
  deps: BotDeps,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
) => Promise<ActionResult>;

const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  "screening.decide": (deps, verb, turn, data) =>
    decidePanelItem(deps, "screening", redrawScreeningAgenda, verb, turn, data),
  "maam.decide": (deps, verb, turn, data) => decidePanelItem(deps, "maam", redrawMaamAgenda, verb, turn, data),
  "transfer.decide": (deps, verb, turn, data) =>
    decidePanelItem(deps, "transfer-panel", redrawTransferAgenda, verb, turn, data),
  "clock.reason": recordClockReason,
  "case.action": takeCaseActionOnCard,
  "contact.log": logContactOnCard,
  [CHOOSE_CENTRE_VERB]: chooseCentre,
  ...TRIAGE_ACTIONS,
};

/** Dispatches an `Action.Execute` by its verb; an unknown verb (an old card) is answered, never thrown. */
export async function answerAction(
  deps: BotDeps,
  turn: Turn,
  verb: string,
  data: Readonly<Record<string, unknown>>,
): Promise<ActionResult> {
  const handler = ACTIONS[verb];
  if (handler === undefined) {
    deps.app.logger.warn("bot.unknown-verb", { verb });
    return saidUnderTheCard(
      "This button no longer works",
      "The card is out of date. Ask for a fresh one and try again.",
    );
  }
  return handler(deps, verb, turn, data);
}
