import { changeCase } from "../../src/app/change-case.js";
import { pendingTransferDirection } from "../../src/domain/lifecycle/case-facts.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import { decisionInputIds } from "../cards/elements/decision.js";
import { refusal } from "../replies.js";
import { transferPanelAgendaCards } from "../cards/transfer-panel-agenda.js";
import { whoIs } from "../people.js";
import type { Turn } from "../turn.js";
import { decisionMade } from "../views/panel-decisions.js";
import { TRANSFER_PANEL_ID, transferPanelOf, transferPanelView } from "../views/transfer-panel-view.js";
import { caseIdsOnCard, field } from "./action-input.js";
import { forEveryone, forThisPerson, type ActionResult } from "./action-result.js";
import { decideOnce, notOnStaffList } from "./decision-outcome.js";

const nothingRecorded = (message: string) => forThisPerson(refusal("Nothing was recorded", message));

/** `transfer.decide` (Bexley): the panel's final decision on a move to or from Children's Social Care. */
export async function decideTransfer(
  deps: BotDeps,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
): Promise<ActionResult> {
  const panel = transferPanelOf(deps);
  const caseId = field(data, "caseId");
  if (panel === undefined || caseId === undefined) {
    return nothingRecorded("This Family Centre's practice framework has no transfer panel, or the card names no case.");
  }
  const who = await whoIs(deps, turn.user);
  if (who === undefined) return notOnStaffList();
  const ids = decisionInputIds(caseId);
  const outcome = field(data, ids.outcome);
  if (outcome === undefined) return nothingRecorded(`Choose the panel's decision for case ${caseId}, then record it.`);
  const note = field(data, ids.note);
  const refreshed = async () => {
    const found = await Promise.all(caseIdsOnCard(data, caseId).map((id) => deps.app.cases.findCase(id)));
    const cases = found.filter((c): c is StoredCase => c !== undefined);
    const [card] = transferPanelAgendaCards(transferPanelView(deps, panel, cases));
    return card ? forEveryone(card) : nothingRecorded(`Case ${caseId} could not be shown.`);
  };
  return decideOnce(
    deps,
    caseId,
    verb,
    who,
    async () => {
      const stored = await deps.app.cases.getCase(caseId);
      const direction = pendingTransferDirection(stored.case) ?? "to-early-help";
      return changeCase(deps.app, caseId, who, {
        type: "recordTransferPanelDecision",
        outcome,
        direction,
        ...(note ? { note } : {}),
      });
    },
    refreshed,
    async () => {
      const stored = await deps.app.cases.findCase(caseId);
      return stored !== undefined && decisionMade(stored.case, deps.app.profile, TRANSFER_PANEL_ID) !== undefined
        ? stored
        : undefined;
    },
  );
}
