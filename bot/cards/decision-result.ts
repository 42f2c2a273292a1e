import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { decisionMadeLine, type DecisionMade } from "./elements/decision.js";
import { text } from "./elements/text.js";

/** The answer to a decision click: recorded now, or someone else got there first. */
export interface DecisionResultView {
  readonly timeZone: string;
  readonly caseId: string;
  readonly outcome: "recorded" | "already-decided";
  readonly decision: DecisionMade;
}

export function decisionResultCard(view: DecisionResultView): AdaptiveCardJson {
  return adaptiveCard([
    text(
      view.outcome === "recorded"
        ? `Decision recorded for case ${view.caseId}.`
        : `Case ${view.caseId} was already decided; nothing new was recorded.`,
      { weight: "bolder", color: view.outcome === "recorded" ? "good" : "warning" },
    ),
    decisionMadeLine(view.decision, view.timeZone),
  ]);
}
