import { transferToCentre } from "../../centres/transfer-to-centre.js";
import { choice, longText, text } from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { CaseActionSpec } from "../case-action.js";

/** Issue 21 §4: a case goes to another centre of the county (offered only where the deployment has one). */
export const CENTRE_ACTIONS: readonly CaseActionSpec[] = [
  {
    id: "transfer-to-centre",
    label: "Transfer to another centre",
    allowed: { command: "transferToCentre" },
    events: ["case.transferred"],
    offered: (ctx) => ctx.otherCentres.length > 0,
    inputs: (ctx) => [choice("centre", "Receiving centre", ctx.otherCentres), longText("note", "Why")],
    run: async (deps, caseId, who, values, request) => {
      const note = text(values, "note");
      const input = { toCentre: text(values, "centre") ?? "", ...(note === undefined ? {} : { note }) };
      return asActionOutcome(await transferToCentre(deps, caseId, who, input, request));
    },
  },
];
