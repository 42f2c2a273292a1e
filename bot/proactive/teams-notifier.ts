import type { AppDeps } from "../../src/app/app-deps.js";
import { conversationFor, forgetConversation, type StoredConversationFor } from "../../src/app/conversations.js";
import type { ConversationKey, TeamsNotifier } from "../../src/ports/teams.js";
import { conversationUnknown } from "../errors.js";
import { checkFits, deliveryError } from "./delivery.js";
import type { ConversationRateLimiter, SendFailure } from "./rate-limiter.js";

export type CardJson = Readonly<Record<string, unknown>>;
export type StoredReference = Readonly<Record<string, unknown>>;

/** The SDK's half of a proactive message (bot-adapter.ts implements it with `continueConversationAsync`). */
export interface ProactiveChannel {
  post(reference: StoredReference, card: CardJson): Promise<{ readonly activityId: string }>;
  update(reference: StoredReference, activityId: string, card: CardJson): Promise<void>;
  /** Status, Teams' code and Retry-After of the SDK's error. */
  describe(error: unknown): SendFailure;
}

type NotifierDeps = Pick<AppDeps, "conversations" | "settings" | "profile" | "logger">;

/**
 * Sends one card to one conversation: measured first, then through the conversation's rate limiter (which retries
 * what Teams asks to be retried), and a refusal translated into the port's terms. A conversation Teams says is gone
 * (403 `MessageWritesBlocked`, 404) is forgotten, with any chat assigned to it.
 */
async function deliver<T>(
  deps: NotifierDeps,
  channel: ProactiveChannel,
  limiter: ConversationRateLimiter,
  to: StoredConversationFor,
  card: CardJson,
  send: (reference: StoredReference) => Promise<T>,
): Promise<T> {
  checkFits(card);
  try {
    return await limiter.run(to.storedKey, () => send(to.reference));
  } catch (error) {
    const refusal = deliveryError(channel.describe(error));
    if (refusal === undefined) throw error;
    if (refusal.code === "TEAMS.CONVERSATION_GONE") {
      const { unassigned } = await forgetConversation(deps, to.storedKey, to.etag);
      deps.logger.warn("bot.conversation-gone", {
        status: refusal.status,
        teamsCode: refusal.teamsCode,
        unassigned: unassigned.join(","),
      });
    }
    throw refusal;
  }
}

/**
 * Finds the stored reference for a key (`screening`, `duty`… through the centre's chat settings, or a stored key
 * such as `user~<aadObjectId>` directly) and sends through the per-conversation rate limiter.
 */
export function createTeamsNotifier(
  deps: NotifierDeps,
  channel: ProactiveChannel,
  limiter: ConversationRateLimiter,
): TeamsNotifier {
  async function resolve(key: ConversationKey): Promise<StoredConversationFor> {
    const found = await conversationFor(deps, key);
    if (found === undefined) throw conversationUnknown(key);
    return found;
  }
  return {
    async post(key, card) {
      return deliver(deps, channel, limiter, await resolve(key), card, (reference) => channel.post(reference, card));
    },
    async update(key, activityId, card) {
      await deliver(deps, channel, limiter, await resolve(key), card, (reference) =>
        channel.update(reference, activityId, card),
      );
    },
  };
}

/**
 * Updates the shared message a click came from, for everyone, as the notifier posts: measured, paced with the
 * conversation's other messages, retried as Teams asks. The reference is the click's own.
 */
export type SharedUpdate = (
  conversationKey: string,
  reference: StoredReference,
  activityId: string,
  card: CardJson,
) => Promise<void>;

export const createSharedUpdate =
  (channel: ProactiveChannel, limiter: ConversationRateLimiter): SharedUpdate =>
  async (key, reference, activityId, card) => {
    checkFits(card);
    try {
      await limiter.run(key, () => channel.update(reference, activityId, card));
    } catch (error) {
      throw deliveryError(channel.describe(error)) ?? error;
    }
  };
