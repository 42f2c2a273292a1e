import { recordMaamDecision, recordScreeningDecision } from "../../src/app/record-decision.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { decisionInputIds } from "../cards/elements/decision.js";
import { refusal } from "../replies.js";
import { whoIs } from "../people.js";
import type { Turn } from "../turn.js";
import { decisionMade, type CaseInHand } from "../views/panel-decisions.js";
import type { PanelAgenda } from "../views/panel-agendas.js";
import { recentAgendaItems } from "../views/recent-agenda-items.js";
import { caseIdsOnCard, field } from "./action-input.js";
import { forEveryone, forThisPerson, type ActionResult } from "./action-result.js";
import { decideOnce, notOnStaffList } from "./decision-outcome.js";

const RECORD = { screening: recordScreeningDecision, maam: recordMaamDecision } as const;

/**
 * The card the click came from, redrawn around the case in hand: items this bot built in the last minute are
 * reused, so only the decided case and any not seen lately are read and worked out again.
 */
async function refreshedCard<Item>(
  deps: BotDeps,
  agenda: PanelAgenda<Item>,
  ids: readonly string[],
  inHand: CaseInHand,
): Promise<AdaptiveCardJson> {
  const now = deps.app.clock.now();
  const at = now.getTime();
  const recent = agenda.recent(deps);
  const shared = recentAgendaItems(deps);
  const keep = (kase: CaseInHand) =>
    recent.keep(kase.case.id, kase.case.events.length, () => agenda.item(deps, kase, now), at);
  keep(inHand);
  const unseen = ids.filter((id) => recent.recall(id, at) === undefined);
  for (const stored of await Promise.all(unseen.map((id) => shared.reads.read(deps, id)))) {
    if (stored !== undefined) keep(stored);
  }
  const workers = await shared.workers.choices(deps, at);
  const items = ids.map((id) => recent.recall(id, at)).filter((item): item is Item => item !== undefined);
  return agenda.card(deps, workers, items, now);
}

/**
 * `screening.decide` / `maam.decide`: records the chosen outcome through the use case (which queues the 2.2 / 3.1
 * outcome letter) and redraws the agenda card, the decided item showing who decided and when.
 */
export async function decidePanelItem<Item>(
  deps: BotDeps,
  agenda: PanelAgenda<Item>,
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
  const who = await whoIs(deps, turn.user);
  if (who === undefined) return notOnStaffList();
  const ids = decisionInputIds(caseId);
  const outcome = field(data, ids.outcome);
  if (outcome === undefined) {
    return forThisPerson(refusal("Choose a decision", `Choose a decision for case ${caseId}, then record it.`));
  }
  const note = field(data, ids.note);
  const workerId = field(data, ids.worker);
  const onCard = caseIdsOnCard(data, caseId);
  return decideOnce(
    deps,
    caseId,
    verb,
    who,
    async () => {
      const recorded = await RECORD[agenda.panel](deps.app, caseId, who, {
        outcome,
        ...(note ? { note } : {}),
        ...(workerId ? { workerId } : {}),
      });
      // The allocated worker's caseload just changed.
      if (workerId) recentAgendaItems(deps).workers.forget();
      return recorded;
    },
    async (inHand) => forEveryone(await refreshedCard(deps, agenda, onCard, inHand)),
    async () => {
      const stored = await deps.app.cases.findCase(caseId);
      return stored !== undefined && decisionMade(stored.case, deps.app.profile, agenda.panel) !== undefined
        ? stored
        : undefined;
    },
  );
}
