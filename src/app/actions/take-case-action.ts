import type { AppDeps } from "../app-deps.js";
import type { Door } from "../audit.js";
import type { ChangeRequest } from "../casework/record-change.js";
import type { Decider } from "../decider.js";
import { refused, refusalsAsValues } from "../outcome.js";
import { readValues } from "./action-inputs.js";
import { actionContext } from "./available-actions.js";
import type { ActionOutcome } from "./case-action.js";
import { actionById } from "./catalogue.js";

/**
 * Takes one of a case's actions with the inputs a person gave (by name, as the tab's form or the Teams card sends
 * them): refused when an input is missing or wrong, or when the lifecycle refuses it (who may, where the case is);
 * otherwise carried out by the use case the action names.
 */
export async function takeCaseAction(
  deps: AppDeps,
  caseId: string,
  actionId: string,
  sent: Readonly<Record<string, unknown>>,
  who: Decider,
  request: ChangeRequest = {},
  via: Door = "api",
): Promise<ActionOutcome> {
  const spec = actionById(actionId);
  if (spec === undefined) return refused("ACTION.UNKNOWN", `There is no action "${actionId}". Reload the case.`);
  const stored = await refusalsAsValues(() => deps.cases.getCase(caseId));
  if ("status" in stored) return stored;
  const ctx = await actionContext(deps, stored);
  // Who may and when is the lifecycle's to say, in its own words (403 / 409): only a use for it is checked here.
  if (!(spec.offered?.(ctx) ?? true)) {
    return refused(
      "ACTION.NOT_AVAILABLE",
      `"${spec.label}" has no use on case ${caseId} under this practice framework.`,
    );
  }
  const read = readValues(spec.inputs(ctx), sent);
  if ("problems" in read) return refused("ACTION.INVALID_INPUT", read.problems.join(" "));
  return spec.run(deps, caseId, who, read.values, request, via);
}
