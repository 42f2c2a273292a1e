import { isRefused } from "../../src/app/outcome.js";
import type { StaffCaller } from "../../src/app/people.js";
import { searchCases } from "../../src/app/queries/search-cases.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { searchResultsCards } from "../cards/search-results.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";

/**
 * `find <words>`: the tab's search, in the personal chat only (results name cases a shared chat need not see), among
 * the cases this person needs to know.
 */
export async function findCasesNow(
  deps: BotDeps,
  turn: Turn,
  who: StaffCaller,
  words: string,
): Promise<AdaptiveCardJson[]> {
  if (turn.conversation.type !== "personal") {
    return [refusal('"find" is answered only in your personal chat with the bot', "Message the bot directly.")];
  }
  const result = await searchCases(deps.app, who, words, "bot");
  if (isRefused(result)) return [refusal("Nothing to search for", result.message)];
  return searchResultsCards({
    more: result.more,
    cases: result.hits.map((hit) => ({ case: hit.stored.case, rag: hit.rag, matchedOn: hit.matchedOn })),
  });
}
