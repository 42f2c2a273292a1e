import type { AdaptiveCardJson } from "./cards/card-json.js";
import type { DecisionMade } from "./cards/elements/decision.js";
import { errorCard } from "./cards/error-card.js";
import { decisionResultCard } from "./cards/decision-result.js";

/** Something was not done: what happened and what to do, in one plain message (plus a code for support). */
export const refusal = (what: string, todo: string, code?: string): AdaptiveCardJson =>
  errorCard({ message: `${what}. ${todo}`, ...(code ? { code } : {}) });

/** The person is on the staff list, but their roles do not include this. */
export const roleRefused = (what: string): AdaptiveCardJson =>
  refusal(
    `Your role does not include ${what}`,
    "Ask an admin if your role is wrong. Type help to see what the bot does.",
    "AUTH.ROLE_REFUSED",
  );

/** Something was recorded on a case (or had been already): who, when and what, from the audit log. */
export const recorded = (timeZone: string, caseId: string, decision: DecisionMade, already = false): AdaptiveCardJson =>
  decisionResultCard({ timeZone, caseId, outcome: already ? "already-decided" : "recorded", decision });
