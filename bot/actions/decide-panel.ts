import type { DecisionOutcome } from "../../src/app/record-decision.js";
import { RECORD_DECISION } from "../../src/app/record-decision.js";
import type { PanelId } from "../../src/app/queries/panels.js";
import type { BotDeps } from "../bot-deps.js";
import { decisionInputIds } from "../cards/elements/decision.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";
import type { RedrawAgenda } from "../presenters/panel-agendas.js";
import { recentAgendaItems } from "../presenters/recent-agenda-items.js";
import { caseIdsOnCard, field } from "./action-input.js";
import { forEveryone, forThisPerson, type ActionResult } from "./action-result.js";
import { notOnStaffList, refusedOnCard } from "./decision-outcome.js";

/**
 * `screening.decide`, `maam.decide`, `transfer.decide`: records the chosen outcome through the panel's use case
 * (which queues the 2.2 / 3.1 outcome letter) and redraws the agenda card: for everyone when recorded, the decided
 * item showing who decided and when; for this person only when someone had decided already or it was refused.
 */
export async function decidePanelItem(
  deps: BotDeps,
  panel: PanelId,
  redraw: RedrawAgenda,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  if (caseId === undefined) {
    return forThisPerson(
      refusal("Nothing was recorded", "This card does not name a case. Ask for a fresh agenda and try again."),
    );
  }
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  const ids = decisionInputIds(caseId);
  const outcome = field(data, ids.outcome);
  if (outcome === undefined) {
    return forThisPerson(refusal("Choose a decision", `Choose a decision for case ${caseId}, then record it.`));
  }
  const note = field(data, ids.note);
  const workerId = field(data, ids.worker);
  const decided: DecisionOutcome = await RECORD_DECISION[panel](deps.app, caseId, who, {
    outcome,
    ...(note ? { note } : {}),
    ...(workerId ? { workerId } : {}),
  });
  const onCard = caseIdsOnCard(data, caseId);
  switch (decided.status) {
    case "recorded":
      deps.app.logger.info("bot.decision-recorded", { verb, caseId, eventSeq: decided.events[0]?.seq });
      // The allocated worker's caseload just changed.
      if (workerId) recentAgendaItems(deps).workers.forget();
      return forEveryone(await redraw(deps, onCard, decided));
    case "already-decided":
      deps.app.logger.info("bot.decision-already-made", { verb, caseId });
      return forThisPerson(await redraw(deps, onCard, decided));
    case "refused":
      return refusedOnCard(deps, verb, caseId, decided);
  }
}
