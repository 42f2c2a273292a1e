import { takeCaseAction as takeAction } from "../../src/app/actions/take-case-action.js";
import { actionById } from "../../src/app/actions/catalogue.js";
import { actionContext } from "../../src/app/actions/available-actions.js";
import { isRefused } from "../../src/app/outcome.js";
import { readCaseFor } from "../../src/app/queries/read-case.js";
import type { BotDeps } from "../bot-deps.js";
import { caseCardFor } from "../presenters/case-card-view.js";
import type { Turn } from "../turn.js";
import { field } from "./action-input.js";
import { forEveryone, saidUnderTheCard, type ActionResult } from "./action-result.js";
import { declaredValues } from "./declared-values.js";
import { notOnStaffList, refusedOnCard } from "./decision-outcome.js";

const doneUnderTheNudge = (caseId: string, label: string, status: string): ActionResult => ({
  kind: "message",
  text:
    status === "already-recorded"
      ? `Already on case ${caseId}: ${label}. Nothing new was recorded.`
      : `Done on case ${caseId}: ${label}, recorded. Type "case ${caseId}" for what comes next.`,
});

/**
 * `case.action`: one of the case's actions taken from the personal case card, through the same use case as the tab's
 * case page; the card is drawn again with what the person may do next.
 */
export async function takeCaseActionOnCard(
  deps: BotDeps,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const actionId = field(data, "actionId");
  const spec = actionId === undefined ? undefined : actionById(actionId);
  if (caseId === undefined || actionId === undefined || spec === undefined) {
    return saidUnderTheCard("Nothing was recorded", 'This card is out of date. Type "case <reference>" again.');
  }
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  // Only someone who may read the case sees its card again: the same need-to-know as `case FC-…`.
  const detail = await readCaseFor(deps.app, who, caseId, "bot");
  if (isRefused(detail)) return saidUnderTheCard("Nothing was recorded", detail.message);
  const stored = detail.stored;
  const inputs = spec.inputs(await actionContext(deps.app, stored));
  // A nudge names several clocks, so its inputs are scoped by case and clock as well (bot/cards/elements/clock-actions.ts).
  const values = declaredValues(inputs, field(data, "scope") ?? actionId, data, deps.app.calendar.timeZone);
  const outcome = await takeAction(deps.app, caseId, actionId, values, who, {}, "bot");
  if (outcome.status === "refused") return refusedOnCard(deps, verb, caseId, outcome);
  if (outcome.status === "already-decided") return saidUnderTheCard("Nothing was recorded", outcome.message);
  deps.app.logger.info("bot.case-action", { verb, actionId, caseId, status: outcome.status });
  // From a nudge: said under it, which stays as it was (a digest names other clocks; tomorrow's leaves this one out).
  if (field(data, "from") === "nudge") return doneUnderTheNudge(caseId, spec.label, outcome.status);
  return forEveryone(await caseCardFor(deps, await deps.app.cases.getCase(caseId), who));
}
