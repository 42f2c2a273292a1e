import type { Refused } from "../../src/app/outcome.js";
import type { BotDeps } from "../bot-deps.js";
import { saidUnderTheCard, type ActionResult } from "./action-result.js";

/** Nobody acts on a case without a Staff row (production) — said plainly, without naming the person. */
export const notOnStaffList = (): ActionResult =>
  saidUnderTheCard(
    "You are not on the Family Centre's staff list",
    "Ask a manager to add you to the staff list with your role, then try again. Nothing was recorded.",
  );

/** A use case's refusal, under the card for the person who clicked: the message names the case, never the family. */
export function refusedOnCard(deps: BotDeps, verb: string, caseId: string, outcome: Refused): ActionResult {
  deps.app.logger.info("bot.action-refused", { verb, caseId, code: outcome.code });
  const what = outcome.code === "CASE.FORBIDDEN" ? "You cannot record this" : "Nothing was recorded";
  return saidUnderTheCard(what, outcome.message, outcome.code);
}
