import { changeCase } from "../../src/app/change-case.js";
import { CLOCK_REASON_INPUT } from "../cards/clock-reason.js";
import type { BotDeps } from "../bot-deps.js";
import { recorded, refusal } from "../replies.js";

import { whoIs } from "../people.js";
import type { Turn } from "../turn.js";
import { field } from "./action-input.js";
import { forEveryone, forThisPerson, type ActionResult } from "./action-result.js";
import { decideOnce, notOnStaffList } from "./decision-outcome.js";

/** `clock.reason`: why a clock was exceeded, recorded on the case (reports show it next to the breach). */
export async function recordClockReason(
  deps: BotDeps,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const rule = field(data, "rule");
  const instance = Number(data.instance);
  const reason = field(data, CLOCK_REASON_INPUT);
  if (caseId === undefined || rule === undefined || !Number.isInteger(instance)) {
    return forThisPerson(
      refusal("Nothing was recorded", "This card is incomplete. Open the case in the tab to record the reason."),
    );
  }
  if (reason === undefined) {
    return forThisPerson(
      refusal("Give a reason", `Say why clock ${rule} on case ${caseId} was exceeded, then send it.`),
    );
  }
  const who = await whoIs(deps, turn.user);
  if (who === undefined) return notOnStaffList();
  const existing = async () =>
    (await deps.app.cases.findCase(caseId))?.case.events.findLast(
      (e) => e.type === "clock.reason-recorded" && e.data.rule === rule && e.data.instance === instance,
    );
  const reasonRecorded = async (already = false) => {
    const event = await existing();
    if (event === undefined) return forThisPerson(refusal("Nothing was recorded", `Open case ${caseId} in the tab.`));
    const decision = {
      byName: event.by.displayName ?? event.by.id,
      at: event.at,
      outcomeLabel: `reason recorded for clock ${rule}`,
    };
    return forEveryone(recorded(deps.app.calendar.timeZone, caseId, decision, already));
  };
  // Teams retries invokes: a reason already on the log for this clock instance is not written again.
  if ((await existing()) !== undefined) return reasonRecorded(true);
  return decideOnce(
    deps,
    caseId,
    verb,
    who,
    () => changeCase(deps.app, caseId, who, { type: "recordClockReason", rule, instance, reason }),
    () => reasonRecorded(),
    async () => undefined,
  );
}
