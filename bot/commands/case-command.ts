import type { StaffCaller } from "../../src/app/people.js";
import { isRefused } from "../../src/app/outcome.js";
import { readCaseFor } from "../../src/app/queries/read-case.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { caseCardFor } from "../presenters/case-card-view.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";

/**
 * `case FC-…`: the whole case, names included, so only in a personal chat (never a shared one), and only to
 * someone who needs to know it (the same query the tab's case page uses, audited).
 */
export async function caseNow(
  deps: BotDeps,
  turn: Turn,
  who: StaffCaller,
  reference: string,
): Promise<AdaptiveCardJson> {
  if (turn.conversation.type !== "personal") {
    return refusal(
      "A case is shown only in your personal chat with the bot",
      `Shared chats never see a family's details. Message the bot directly with "case ${reference}".`,
    );
  }
  const detail = await readCaseFor(deps.app, who, reference, "bot");
  if (isRefused(detail)) return refusal(detail.message.replace(/\.$/, ""), "Nothing else was shown.", detail.code);
  return caseCardFor(deps, detail.stored, who);
}
