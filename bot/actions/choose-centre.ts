import { rememberConversation } from "../../src/app/conversations.js";
import { releaseHeldNotices } from "../../src/app/release-held-notices.js";
import type { BotDeps } from "../bot-deps.js";
import { centreSwitcher } from "../commands/centre.js";
import type { Turn } from "../turn.js";
import { forThisPerson, saidUnderTheCard, type ActionResult } from "./action-result.js";
import { notOnStaffList } from "./decision-outcome.js";

/**
 * `centre.choose`, clicked on the switcher: the router brought the click to the chosen centre's bot, which remembers
 * the choice for the person's next turns and, from now on, reaches them in their personal chat with its own notices.
 */
export async function chooseCentre(deps: BotDeps, _verb: string, turn: Turn): Promise<ActionResult> {
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  if (deps.county === undefined) {
    return saidUnderTheCard("There is no other centre here", "This service serves one centre only.");
  }
  await deps.county.centres.choose(turn.user, deps.county.centreId);
  if (turn.conversation.type === "personal") {
    await rememberConversation(deps.app, turn.conversationKey, turn.reference, deps.app.clock.now());
    await releaseHeldNotices(deps.app, turn.conversationKey);
  }
  deps.app.logger.info("bot.centre-chosen", { centre: deps.county.centreId, actorId: who.actor.id });
  return forThisPerson(await centreSwitcher(deps, turn), `You are now working in ${deps.app.centre.name}.`);
}
