import { projectMarked } from "../../src/app/project-cases.js";
import type { DecisionOutcome } from "../../src/app/record-decision.js";
import { RECORD_DECISION } from "../../src/app/record-decision.js";
import { panelOf, type PanelId } from "../../src/app/queries/panels.js";
import type { BotDeps } from "../bot-deps.js";
import { decisionInputIds, type DecisionFocus } from "../cards/elements/decision.js";
import type { Turn } from "../turn.js";
import type { RedrawAgenda } from "../presenters/panel-agendas.js";
import { recentAgendaItems } from "../presenters/recent-agenda-items.js";
import { caseIdsOnCard, field, typedInputs } from "./action-input.js";
import { forEveryone, forThisPerson, saidUnderTheCard, type ActionResult } from "./action-result.js";
import { notOnStaffList, refusedOnCard } from "./decision-outcome.js";
import { projectAfterAnswer } from "./project-after-answer.js";

/**
 * `screening.decide`, `maam.decide`, `transfer.decide`: records the chosen outcome through the panel's use case
 * (which queues the 2.2 / 3.1 outcome letter) and redraws the agenda card: for everyone when recorded, the decided
 * item showing who decided and when; for this person only when someone had decided already. What keeps a click from
 * being recorded (no outcome chosen, the worker an allocation needs, a note the outcome needs) is said on that item
 * of the same card, redrawn for the person with everything they had typed; the other items stay open.
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
    return saidUnderTheCard(
      "Nothing was recorded",
      "This card does not name a case. Ask for a fresh agenda and try again.",
    );
  }
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  const onCard = caseIdsOnCard(data, caseId);
  const sayOnItem = async (focus: DecisionFocus) =>
    forThisPerson(await redraw(deps, onCard, { focus, typed: typedInputs(data) }), focus.reason);
  const ids = decisionInputIds(caseId);
  const outcome = field(data, ids.outcome);
  if (outcome === undefined) {
    return sayOnItem({ caseId, reason: `Choose a decision for case ${caseId}, then record it.` });
  }
  const workerId = field(data, ids.worker);
  const offered = panelOf(deps.app.profile, panel)?.outcomes ?? [];
  const allocates = offered.some((o) => o.id === outcome && o.needs.includes("worker"));
  if (allocates && workerId === undefined) {
    const reason = `Choose the worker case ${caseId} is allocated to, then record the decision.`;
    return sayOnItem({ caseId, reason, askWorker: true });
  }
  const note = field(data, ids.note);
  // The card is drawn from the case in hand, so its worklists, deadlines and compliance rows can wait for the answer.
  const decided: DecisionOutcome = await RECORD_DECISION[panel](
    deps.app,
    caseId,
    who,
    { outcome, ...(note ? { note } : {}), ...(workerId ? { workerId } : {}) },
    { projectLater: true },
  );
  switch (decided.status) {
    case "recorded": {
      deps.app.logger.info("bot.decision-recorded", {
        verb,
        caseId,
        actorId: who.actor.id,
        eventSeq: decided.events[0]?.seq,
      });
      if (workerId) {
        // The allocated worker's caseload just changed: counted again from their list once it is written.
        await projectMarked(deps.app, decided.case);
        recentAgendaItems(deps).workers.forget();
        return forEveryone(await redraw(deps, onCard, { inHand: decided }));
      }
      const card = await redraw(deps, onCard, { inHand: decided });
      void projectAfterAnswer(deps, decided.case);
      return forEveryone(card);
    }
    case "already-decided":
      deps.app.logger.info("bot.decision-already-made", { verb, caseId, actorId: who.actor.id });
      return forThisPerson(await redraw(deps, onCard, { inHand: decided }));
    case "refused":
      // Someone who may not decide is told so; anything else is put right on the item itself.
      if (decided.code === "CASE.FORBIDDEN") return refusedOnCard(deps, verb, caseId, decided);
      deps.app.logger.info("bot.action-refused", { verb, caseId, code: decided.code });
      return sayOnItem({ caseId, reason: decided.message, askWorker: allocates });
  }
}
