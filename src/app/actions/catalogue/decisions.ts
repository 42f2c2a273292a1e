import { recordFrontDoorDecision } from "../../casework/bexley-front-door.js";
import { panelOf, type PanelId } from "../../queries/panels.js";
import { RECORD_DECISION } from "../../record-decision.js";
import { offeredOutcomes } from "../../../domain/lifecycle/outcomes.js";
import { choice, longText, staffChoice, text } from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { CaseActionSpec } from "../case-action.js";

const outcomeOptions = (outcomes: readonly { id: string; label: string }[]) =>
  outcomes.map((o) => ({ value: o.id, label: o.label }));

/** A panel's decision: its outcomes from the profile, a note, and a worker where an outcome allocates. */
function panelDecision(id: string, label: string, panel: PanelId): CaseActionSpec {
  const events = {
    screening: "screening.decided",
    maam: "maam.decided",
    "transfer-panel": "transfer-panel.decided",
  } as const;
  const command = {
    screening: "recordScreeningDecision",
    maam: "recordMaamDecision",
    "transfer-panel": "recordTransferPanelDecision",
  } as const;
  return {
    id,
    label,
    allowed: { command: command[panel] },
    events: [events[panel]],
    offered: (ctx) => panelOf(ctx.profile, panel) !== undefined,
    inputs: (ctx) => {
      const outcomes = panelOf(ctx.profile, panel)?.outcomes ?? [];
      const allocates = outcomes.some((o) => o.needs.includes("worker"));
      return [
        choice("outcome", "Decision", outcomeOptions(outcomes)),
        longText("note", "Note (why; needed for some decisions)"),
        ...(allocates
          ? [staffChoice("worker", "Worker to allocate (for a decision that allocates)", ctx.practitioners, false)]
          : []),
      ];
    },
    run: async (deps, caseId, who, values, request) => {
      const note = text(values, "note");
      const workerId = text(values, "worker");
      const input = {
        outcome: text(values, "outcome") ?? "",
        ...(note ? { note } : {}),
        ...(workerId ? { workerId } : {}),
      };
      const options = request.expectedEtag === undefined ? {} : { expectedEtag: request.expectedEtag };
      return asActionOutcome(await RECORD_DECISION[panel](deps, caseId, who, input, options));
    },
  };
}

export const DECISION_ACTIONS: readonly CaseActionSpec[] = [
  panelDecision("record-screening-decision", "Record the screening decision", "screening"),
  panelDecision("record-maam-decision", "Record the MAAM decision", "maam"),
  panelDecision("record-transfer-panel-decision", "Record the transfer panel's decision", "transfer-panel"),
  {
    id: "record-front-door-decision",
    label: "Record the Front Door-MASH decision",
    allowed: { command: "recordFrontDoorDecision" },
    events: ["front-door.decided"],
    offered: (ctx) => offeredOutcomes(ctx.profile, "front-door").length > 0,
    inputs: (ctx) => [
      choice("outcome", "Decision", outcomeOptions(offeredOutcomes(ctx.profile, "front-door"))),
      longText("note", "Note (why)"),
    ],
    run: async (deps, caseId, who, values, request) => {
      const note = text(values, "note");
      const input = { outcome: text(values, "outcome") ?? "", ...(note ? { note } : {}) };
      return asActionOutcome(await recordFrontDoorDecision(deps, caseId, who, input, request));
    },
  },
];
