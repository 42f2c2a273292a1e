import { recordMaamDecision, recordScreeningDecision } from "../../src/app/record-decision.js";
import type { StoredCase } from "../../src/ports.js";
import type { BotDeps } from "../bot-deps.js";
import { decisionInputIds } from "../cards/elements/decision.js";
import { refusal } from "../replies.js";
import { whoIs } from "../people.js";
import type { Turn } from "../turn.js";
import { decisionMade, type PanelId } from "../views/panel-decisions.js";
import { caseIdsOnCard, field } from "./action-input.js";
import { forEveryone, forThisPerson, type ActionResult } from "./action-result.js";
import { decideOnce, notOnStaffList } from "./decision-outcome.js";

/** How each panel's agenda card is redrawn from the cases on it. */
export type AgendaRenderer = (deps: BotDeps, cases: readonly StoredCase[]) => Promise<ActionResult["card"]>;

const RECORD = { screening: recordScreeningDecision, maam: recordMaamDecision } as const;

async function casesOnCard(deps: BotDeps, ids: readonly string[]): Promise<StoredCase[]> {
  const found = await Promise.all(ids.map((id) => deps.app.cases.findCase(id)));
  return found.filter((c): c is StoredCase => c !== undefined);
}

/**
 * `screening.decide` / `maam.decide`: records the chosen outcome through the use case (which queues the 2.2 / 3.1
 * outcome letter) and redraws the agenda card, the decided item showing who decided and when.
 */
export async function decidePanelItem(
  deps: BotDeps,
  panel: Extract<PanelId, "screening" | "maam">,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
  renderAgenda: AgendaRenderer,
): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  if (caseId === undefined) {
    return forThisPerson(
      refusal("Nothing was recorded", "This card does not name a case. Ask for a fresh agenda and try again."),
    );
  }
  const who = await whoIs(deps, turn.user);
  if (who === undefined) return notOnStaffList();
  const ids = decisionInputIds(caseId);
  const outcome = field(data, ids.outcome);
  if (outcome === undefined) {
    return forThisPerson(refusal("Choose a decision", `Choose a decision for case ${caseId}, then record it.`));
  }
  const note = field(data, ids.note);
  const workerId = field(data, ids.worker);
  const refreshed = async () =>
    forEveryone(await renderAgenda(deps, await casesOnCard(deps, caseIdsOnCard(data, caseId))));
  return decideOnce(
    deps,
    caseId,
    verb,
    who,
    () =>
      RECORD[panel](deps.app, caseId, who, { outcome, ...(note ? { note } : {}), ...(workerId ? { workerId } : {}) }),
    refreshed,
    async () => {
      const stored = await deps.app.cases.findCase(caseId);
      return stored !== undefined && decisionMade(stored.case, deps.app.profile, panel) !== undefined;
    },
  );
}
