import type { Decider } from "../../src/app/decider.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { caseCardFor } from "../presenters/case-card-view.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";

/** `case FC-…`: the whole case, names included, so only in a personal chat (never a shared one). */
export async function caseNow(deps: BotDeps, turn: Turn, who: Decider, reference: string): Promise<AdaptiveCardJson> {
  if (turn.conversation.type !== "personal") {
    return refusal(
      "A case is shown only in your personal chat with the bot",
      `Shared chats never see a family's details. Message the bot directly with "case ${reference}".`,
    );
  }
  const stored = await deps.app.cases.findCase(reference);
  if (stored === undefined) return refusal(`There is no case ${reference}`, "Check the reference and try again.");
  return caseCardFor(deps, stored, who);
}
