import type { AppDeps } from "../../src/app/app-deps.js";
import { conversationFor } from "../../src/app/conversations.js";
import type { ConversationKey, TeamsNotifier } from "../../src/ports/teams.js";
import { conversationUnknown } from "../errors.js";
import type { ConversationRateLimiter } from "./rate-limiter.js";

export type CardJson = Readonly<Record<string, unknown>>;
export type StoredReference = Readonly<Record<string, unknown>>;

/** The SDK's half of a proactive message (bot-adapter.ts implements it with `continueConversationAsync`). */
export interface ProactiveChannel {
  post(reference: StoredReference, card: CardJson): Promise<{ readonly activityId: string }>;
  update(reference: StoredReference, activityId: string, card: CardJson): Promise<void>;
}

/**
 * Finds the stored reference for a key (`screening`, `duty`… through the centre's chat settings, or a stored key
 * such as `user~<aadObjectId>` directly) and sends through the per-conversation rate limiter.
 */
export function createTeamsNotifier(
  deps: Pick<AppDeps, "conversations" | "settings">,
  channel: ProactiveChannel,
  limiter: ConversationRateLimiter,
): TeamsNotifier {
  async function resolve(key: ConversationKey): Promise<{ storedKey: string; reference: StoredReference }> {
    const found = await conversationFor(deps, key);
    if (found === undefined) throw conversationUnknown(key);
    return found;
  }
  return {
    async post(key, card) {
      const { storedKey, reference } = await resolve(key);
      return limiter.run(storedKey, () => channel.post(reference, card));
    },
    async update(key, activityId, card) {
      const { storedKey, reference } = await resolve(key);
      await limiter.run(storedKey, () => channel.update(reference, activityId, card));
    },
  };
}
