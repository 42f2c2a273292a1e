import type { ConversationKey, TeamsNotifier } from "../../src/ports/teams.js";
import { CENTRE_SETTINGS_KEY, type BotDeps } from "../bot-deps.js";
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
  deps: Pick<BotDeps, "conversations" | "settings">,
  channel: ProactiveChannel,
  limiter: ConversationRateLimiter,
): TeamsNotifier {
  async function resolve(key: ConversationKey): Promise<{ storedKey: string; reference: StoredReference }> {
    const settings = (await deps.settings.get(CENTRE_SETTINGS_KEY))?.value;
    const storedKey = settings?.chatIds[key] ?? key;
    const stored = (await deps.conversations.get(storedKey))?.value;
    if (stored === undefined) throw conversationUnknown(key);
    return { storedKey, reference: stored.reference };
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
