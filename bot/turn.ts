import type { ConversationInfo, TeamsUser } from "./conversation-keys.js";

/** One incoming turn, in the bot's own terms (commands and actions never see the SDK). */
export interface Turn {
  readonly conversation: ConversationInfo;
  readonly user: TeamsUser;
  /** Where this conversation's reference is stored (`user~…`, `chat~…`, `channel~…`). */
  readonly conversationKey: string;
  /** The bot's name as Teams shows it here: what people @mention in a shared chat. */
  readonly botName?: string;
  /** The SDK's conversation reference, opaque here; stored for proactive messages. */
  readonly reference: Readonly<Record<string, unknown>>;
}
