import type { CaseEvent, CaseEventType } from "../../../domain/case-events.js";
import { onLegalHold } from "../../../domain/privacy/retention.js";
import type { AppDeps } from "../../app-deps.js";
import { setLegalHold } from "../../data-protection/legal-hold.js";
import { redactText } from "../../data-protection/redact-text.js";
import type { Decider } from "../../decider.js";
import { isRefused } from "../../outcome.js";
import type { StaffCaller } from "../../people.js";
import { longText, text } from "../action-inputs.js";
import type { ActionOutcome, CaseActionSpec } from "../case-action.js";

/** The member of staff acting, as the data protection use cases audit them (their staff id is their actor's id). */
const callerOf = (who: Decider): StaffCaller => ({ ...who, staffId: who.actor.id });

/** The latest event of these types on the case: what a data protection use case just recorded. */
async function latest(deps: AppDeps, caseId: string, types: readonly CaseEventType[]): Promise<CaseEvent[]> {
  const event = (await deps.cases.getCase(caseId)).case.events.findLast((e) => types.includes(e.type));
  return event === undefined ? [] : [event];
}

const LEGAL_HOLD_EVENTS: readonly CaseEventType[] = ["legal-hold.placed", "legal-hold.lifted"];

/** A manager places or lifts a legal hold, with a reason: the same use case as `PUT /api/cases/:caseId/legal-hold`. */
function legalHold(hold: boolean): CaseActionSpec {
  return {
    id: hold ? "place-legal-hold" : "lift-legal-hold",
    label: hold ? "Place a legal hold (keep past retention)" : "Lift the legal hold",
    allowed: { gate: (_ctx, who) => who.roles.includes("manager") },
    events: [hold ? "legal-hold.placed" : "legal-hold.lifted"],
    offered: (ctx) => onLegalHold(ctx.kase) !== hold,
    inputs: () => [longText("reason", "Reason (a complaint, litigation, an inquiry)", true)],
    run: async (deps, caseId, who, values, _request, via): Promise<ActionOutcome> => {
      const changed = await setLegalHold(deps, callerOf(who), caseId, hold, text(values, "reason") ?? "", via);
      if (isRefused(changed)) return changed;
      const events = await latest(deps, caseId, LEGAL_HOLD_EVENTS);
      return changed.status === "unchanged" ? { status: "already-recorded", events } : { status: "recorded", events };
    },
  };
}

/** The data protection officer corrects or redacts a text: the same use case as `POST …/redactions`. */
const REDACT: CaseActionSpec = {
  id: "redact-text",
  label: "Correct or redact a text (rectification, erasure)",
  allowed: { gate: (_ctx, who) => who.roles.includes("data-protection") },
  events: ["redacted"],
  inputs: () => [
    longText("text", "The text to correct or redact, exactly as held", true),
    longText("correction", "The correction (leave empty to redact)"),
    longText("reason", "Reason (the request and its date; not the text itself)", true),
  ],
  run: async (deps, caseId, who, values, _request, via): Promise<ActionOutcome> => {
    const correction = text(values, "correction");
    const done = await redactText(
      deps,
      callerOf(who),
      {
        caseId,
        text: text(values, "text") ?? "",
        reason: text(values, "reason") ?? "",
        ...(correction === undefined ? {} : { correction }),
      },
      via,
    );
    if (isRefused(done)) return done;
    return { status: "recorded", events: await latest(deps, caseId, ["redacted"]) };
  },
};

/** Data protection on a case: a legal hold (a manager's), rectification and erasure (the data protection role's). */
export const DATA_PROTECTION_ACTIONS: readonly CaseActionSpec[] = [legalHold(true), legalHold(false), REDACT];
