import type { Profile } from "../../domain/rules/profile-schema.js";
import type { StoredCase } from "../../ports/cases.js";
import type { AppDeps } from "../app-deps.js";
import type { Decider } from "../decider.js";
import { caseActions } from "./available-actions.js";
import type { CaseAction } from "./case-action.js";
import { actionById } from "./catalogue.js";

/**
 * Of the actions a person may take, those that stop a clock of this rule: the actions serving the rule (their
 * `rules`, from the profile) whose recorded events are among the rule's stop events. Never a hand-kept list.
 */
export function actionsStopping(profile: Profile, actions: readonly CaseAction[], ruleId: string): CaseAction[] {
  const rule = profile.rules.find((r) => r.id === ruleId);
  // A recording-delay clock (10.1) is met by each event's own recording: no action taken now stops it.
  if (rule?.kind !== "clock" || rule.measure === "recording-delay") return [];
  const stops = new Set(rule.stop.map((m) => m.event));
  return actions.filter(
    (action) =>
      action.rules.includes(ruleId) && (actionById(action.id)?.events ?? []).some((event) => stops.has(event)),
  );
}

/** For each of these rules, what this person may do on the case now that stops its clock (none: left out). */
export async function clockStoppingActions(
  deps: Pick<AppDeps, "staff" | "worklists" | "profile" | "calendar" | "clock">,
  stored: StoredCase,
  who: Decider,
  ruleIds: readonly string[],
): Promise<ReadonlyMap<string, readonly CaseAction[]>> {
  const actions = await caseActions(deps, stored, who);
  const byRule = new Map<string, readonly CaseAction[]>();
  for (const ruleId of new Set(ruleIds)) {
    const stopping = actionsStopping(deps.profile, actions, ruleId);
    if (stopping.length > 0) byRule.set(ruleId, stopping);
  }
  return byRule;
}
