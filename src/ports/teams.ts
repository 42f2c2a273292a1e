import type { OutboxItem } from "./outbox.js";

/** Where a proactive message goes: a stored conversation reference's key (`duty`, `screening`, `user~<id>`…). */
export type ConversationKey = string;

/** The duty chat: triage cards, and notices for clocks no practitioner holds yet. */
export const DUTY_CONVERSATION: ConversationKey = "duty";

/**
 * The `code` a notifier's error carries when no conversation is stored for a key: the app is not installed there
 * yet, or no manager has chosen the panel's chat. Waiting will not help; a person has to act.
 */
export const CONVERSATION_UNKNOWN = "BOT.CONVERSATION_UNKNOWN";

export const isConversationUnknown = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: unknown }).code === CONVERSATION_UNKNOWN;

/**
 * Posts and updates Adaptive Cards in Teams conversations the app is installed in. Jobs and use cases send through
 * the outbox (channel "teams"), so each agenda, digest and nudge is sent once.
 */
export interface TeamsNotifier {
  post(
    conversation: ConversationKey,
    card: Readonly<Record<string, unknown>>,
  ): Promise<{ readonly activityId: string }>;
  update(conversation: ConversationKey, activityId: string, card: Readonly<Record<string, unknown>>): Promise<void>;
}

/**
 * Builds the Adaptive Cards of a Teams outbox item, in posting order (the bot owns the cards; the jobs that post them
 * never see it). A long agenda is several cards. No cards means there is nothing to say any more (the clock it was
 * about has stopped).
 */
export type RenderCard = (item: OutboxItem) => Promise<readonly Readonly<Record<string, unknown>>[]>;
