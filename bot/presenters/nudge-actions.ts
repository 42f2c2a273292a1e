import { clockStoppingActions } from "../../src/app/actions/clock-actions.js";
import type { CaseAction } from "../../src/app/actions/case-action.js";
import { identifyStaff } from "../../src/app/people.js";
import type { DueClock } from "../../src/app/queries/due-clocks.js";
import { practitionerOfSubject } from "../../src/app/supervision/supervision-log.js";
import type { BotDeps } from "../bot-deps.js";
import type { ActionableDueItem } from "../cards/elements/clock-actions.js";

/** The member of staff whose personal chat a nudge goes to (`user~<id>`); a shared chat has none. */
export const staffIdOf = (conversation: unknown): string | undefined =>
  typeof conversation === "string" && conversation.startsWith("user~") ? conversation.slice("user~".length) : undefined;

/**
 * A nudge's clocks with, under each, what stops it that the person it goes to may do on the case now (the case's
 * `actions`, by the rules they serve). Only in that person's personal chat: a shared chat's card offers no case's
 * actions (taking one redraws what only its people may see). A practitioner's own clock (11.6) has no case to act on.
 */
export async function withStoppingActions(
  deps: BotDeps,
  conversation: unknown,
  items: readonly DueClock[],
): Promise<ActionableDueItem[]> {
  const staffId = staffIdOf(conversation);
  const who = staffId === undefined ? undefined : await identifyStaff(deps.app, staffId);
  if (who === undefined) return [...items];
  const caseIds = [...new Set(items.map((i) => i.caseId))].filter((id) => practitionerOfSubject(id) === undefined);
  const byCase = new Map<string, ReadonlyMap<string, readonly CaseAction[]>>();
  await Promise.all(
    caseIds.map(async (caseId) => {
      const stored = await deps.app.cases.findCase(caseId);
      if (stored === undefined) return;
      const rules = items.filter((i) => i.caseId === caseId).map((i) => i.deadline.ruleId);
      byCase.set(caseId, await clockStoppingActions(deps.app, stored, who, rules));
    }),
  );
  return items.map((item) => {
    const actions = byCase.get(item.caseId)?.get(item.deadline.ruleId);
    return actions === undefined ? item : { ...item, actions };
  });
}
