import { releaseHeldNotices } from "../../src/app/release-held-notices.js";
import type { BotDeps } from "../bot-deps.js";
import type { ChatPurpose } from "../conversation-keys.js";
import { rememberConversation } from "../../src/app/conversations.js";
import { assignChat } from "../../src/app/settings/centre-settings.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";
import { toAsk } from "./ask.js";
import { worksInSeveral } from "./centre.js";
import { help } from "./help.js";
import { maamNow, screeningNow, transferPanelNow } from "./panel-agendas.js";
import type { Reply } from "./reply.js";

const PURPOSE_NAMES: Record<ChatPurpose, string> = {
  duty: "duty chat: new contacts arrive here as triage cards",
  screening: "screening chat: the daily screening agenda is posted here",
  maam: "MAAM chat: the MAAM agenda is posted here",
  "transfer-panel": "transfer panel chat: the transfer panel agenda is posted here",
};

/** What the chat sees straight away: its agenda as it stands (the duty chat gets the list of commands). */
const FIRST_CARDS: Record<ChatPurpose, (deps: BotDeps, turn: Turn) => Promise<Reply[]>> = {
  duty: async (deps, turn) => [await help(deps, turn)],
  screening: screeningNow,
  maam: maamNow,
  "transfer-panel": transferPanelNow,
};

/** `use this chat for screening` (and duty, maam, transfer panel): a manager points a panel's posts at this chat. */
export async function useThisChat(deps: BotDeps, turn: Turn, purpose: ChatPurpose): Promise<Reply[]> {
  const who = await deps.identify(turn.user);
  if (!who?.roles.includes("manager")) {
    return [
      refusal(
        "Only a manager can choose the chat a panel uses",
        `Ask a manager to send "${toAsk(turn, `use this chat for ${purpose.replace("-", " ")}`)}" in this chat.`,
      ),
    ];
  }
  if (turn.conversation.type === "personal") {
    return [
      refusal(
        "A panel's agenda goes to the chat the panel meets in",
        `In that group chat, meeting chat or channel, @mention the bot and type "use this chat for ${purpose.replace("-", " ")}".`,
      ),
    ];
  }
  await rememberConversation(deps.app, turn.conversationKey, turn.reference, deps.app.clock.now());
  await assignChat(deps.app, who, purpose, turn.conversationKey);
  // The chat's later turns (an @mention, a click on an old card) go to this centre's bot.
  await deps.county?.centres.registerChat(turn.conversationKey, deps.county.centreId);
  deps.app.logger.info("bot.chat-assigned", { purpose, actorId: who.actor.id });
  // What waited for this chat goes now, except agendas: a panel's chat is shown its agenda as it stands below.
  await releaseHeldNotices(deps.app, purpose, { agendaShown: purpose !== "duty" });
  const whose = (await worksInSeveral(deps.county, turn)) ? `${deps.app.centre.name}'s` : "the";
  return [`This chat is now ${whose} ${PURPOSE_NAMES[purpose]}.`, ...(await FIRST_CARDS[purpose](deps, turn))];
}
