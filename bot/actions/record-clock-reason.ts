import { recordClockReason as recordReason } from "../../src/app/clocks/record-clock-reason.js";
import type { CaseEvent } from "../../src/domain/case-events.js";
import { CLOCK_REASON_INPUT } from "../cards/clock-reason.js";
import type { BotDeps } from "../bot-deps.js";
import { recorded } from "../replies.js";
import type { Turn } from "../turn.js";
import { field } from "./action-input.js";
import { forEveryone, saidUnderTheCard, type ActionResult } from "./action-result.js";
import { notOnStaffList, refusedOnCard } from "./decision-outcome.js";

/** The reason on the log, as the card says it: who recorded it and when. */
const reasonCard = (deps: BotDeps, caseId: string, event: CaseEvent<"clock.reason-recorded">, already: boolean) =>
  recorded(
    deps.app.calendar.timeZone,
    caseId,
    {
      byName: event.by.displayName ?? event.by.id,
      at: event.at,
      outcomeLabel: `reason recorded for clock ${event.data.rule}`,
    },
    already,
  );

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
    return saidUnderTheCard(
      "Nothing was recorded",
      "This card is incomplete. Open the case in the tab to record the reason.",
    );
  }
  if (reason === undefined) {
    return saidUnderTheCard("Give a reason", `Say why clock ${rule} on case ${caseId} was exceeded, then send it.`);
  }
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  const outcome = await recordReason(deps.app, caseId, who, { rule, instance, reason });
  switch (outcome.status) {
    case "recorded": {
      const event = outcome.events.find(
        (e): e is CaseEvent<"clock.reason-recorded"> => e.type === "clock.reason-recorded",
      );
      return event
        ? forEveryone(reasonCard(deps, caseId, event, false))
        : saidUnderTheCard("Nothing was recorded", `Open case ${caseId} in the tab.`);
    }
    case "already-recorded":
      return forEveryone(reasonCard(deps, caseId, outcome.event, true));
    case "refused":
      return refusedOnCard(deps, verb, caseId, outcome);
  }
}
