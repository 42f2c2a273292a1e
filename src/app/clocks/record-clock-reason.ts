import type { CaseEvent } from "../../domain/case-events.js";
import { recordChange, type ChangeOutcome, type ChangeRequest } from "../casework/record-change.js";
import type { ChangeDeps } from "../change-case.js";
import type { Decider } from "../decider.js";
import { refusalsAsValues } from "../outcome.js";

export interface ClockReason {
  readonly rule: string;
  readonly instance: number;
  readonly reason: string;
}

/** Recorded now, or found on the log already: Teams retries invokes, and a reason is written once per clock. */
export type ClockReasonOutcome =
  ChangeOutcome | { readonly status: "already-recorded"; readonly event: CaseEvent<"clock.reason-recorded"> };

const reasonOnLog = (events: readonly CaseEvent[], rule: string, instance: number) =>
  events.findLast(
    (e): e is CaseEvent<"clock.reason-recorded"> =>
      e.type === "clock.reason-recorded" && e.data.rule === rule && e.data.instance === instance,
  );

/** Why a clock was exceeded: reports show it beside the breach, and the nudge asking for it stops. */
export async function recordClockReason(
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  input: ClockReason,
  request?: ChangeRequest,
): Promise<ClockReasonOutcome> {
  const read = await refusalsAsValues(() => deps.cases.getCase(caseId));
  if ("status" in read) return read;
  const earlier = reasonOnLog(read.case.events, input.rule, input.instance);
  if (earlier !== undefined) return { status: "already-recorded", event: earlier };
  return recordChange(
    deps,
    caseId,
    who,
    { type: "recordClockReason", rule: input.rule, instance: input.instance, reason: input.reason },
    request,
  );
}
