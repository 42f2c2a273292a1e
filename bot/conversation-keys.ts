import type { ConversationKey } from "../src/ports/teams.js";

/** What the bot knows about where a turn came from, without the SDK's types. */
export interface ConversationInfo {
  readonly id: string;
  /** Teams: "personal", "groupChat" (group and meeting chats) or "channel". */
  readonly type: "personal" | "groupChat" | "channel";
  /** The team channel's id (a channel thread's conversation id carries `;messageid=`). */
  readonly channelId?: string;
}

export interface TeamsUser {
  readonly id: string;
  readonly aadObjectId?: string;
  readonly name?: string;
}

/** The conversation an activity (the SDK's, or the raw JSON Teams posts) comes from. */
export function conversationOf(activity: {
  readonly conversation?: { readonly id?: string; readonly conversationType?: string };
  readonly channelData?: unknown;
}): ConversationInfo {
  const conversation = activity.conversation ?? {};
  const type =
    conversation.conversationType === "personal" || conversation.conversationType === "channel"
      ? conversation.conversationType
      : conversation.conversationType === "groupChat"
        ? "groupChat"
        : "personal";
  const channelId = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return { id: conversation.id ?? "", type, ...(channelId ? { channelId } : {}) };
}

/** Who an activity is from. */
export function teamsUserOf(activity: {
  readonly from?: { readonly id?: string; readonly aadObjectId?: string; readonly name?: string };
}): TeamsUser {
  const from = activity.from ?? {};
  return {
    id: from.id ?? "",
    ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    ...(from.name ? { name: from.name } : {}),
  };
}

export const userKey = (aadObjectId: string): ConversationKey => `user~${aadObjectId}`;

/**
 * The key a conversation reference is stored under: `user~<aadObjectId>` for a personal chat (nudges go to a
 * person), `channel~<id>` or `chat~<id>` otherwise.
 */
export function conversationKey(conversation: ConversationInfo, user: TeamsUser): ConversationKey {
  if (conversation.type === "personal") return userKey(user.aadObjectId ?? user.id);
  if (conversation.type === "channel") return `channel~${conversation.channelId ?? conversation.id}`;
  return `chat~${conversation.id}`;
}

/** Chats a manager can hand to a panel; the value is the purpose `CentreSettings.chatIds` stores it under. */
export const CHAT_PURPOSES = {
  duty: "duty",
  screening: "screening",
  maam: "maam",
  "transfer panel": "transfer-panel",
} as const;
export type ChatPurpose = (typeof CHAT_PURPOSES)[keyof typeof CHAT_PURPOSES];
