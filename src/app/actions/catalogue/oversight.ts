import { clearHighRisk, flagHighRisk } from "../../casework/high-risk.js";
import { longText, text } from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { CaseActionSpec } from "../case-action.js";
import { profileNames } from "../rule-events.js";

/** A manager's oversight of the team's cases (11.5). */
export const OVERSIGHT_ACTIONS: readonly CaseActionSpec[] = [
  {
    id: "flag-high-risk",
    label: "Flag the case high risk",
    allowed: { command: "flagHighRisk" },
    events: ["case.flagged-high-risk"],
    // Where the practice framework asks leads to know their high-risk cases (11.5).
    offered: (ctx) => profileNames(ctx.profile, "case.flagged-high-risk"),
    inputs: () => [longText("note", "Why", true)],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(await flagHighRisk(deps, caseId, who, { note: text(values, "note") ?? "" }, request)),
  },
  {
    id: "clear-high-risk",
    label: "Clear the high-risk flag",
    allowed: { command: "clearHighRisk" },
    events: ["case.high-risk-cleared"],
    inputs: () => [longText("note", "Why", true)],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(await clearHighRisk(deps, caseId, who, { note: text(values, "note") ?? "" }, request)),
  },
];
