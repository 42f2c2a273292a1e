import type { ConversationKey } from "../src/ports/teams.js";
import { AlreadyExistsError, isWriteRace } from "../src/ports/errors.js";
import { CENTRE_SETTINGS_KEY, type BotDeps } from "./bot-deps.js";
import type { ChatPurpose } from "./conversation-keys.js";

const ATTEMPTS = 3;

/** Create-or-replace with the ETag read, retrying when another instance wrote in between. */
async function upsert<T>(
  store: {
    get(key: string): Promise<{ value: T; etag: string } | undefined>;
    put(key: string, value: T, etag?: string): Promise<unknown>;
  },
  key: string,
  change: (current: T | undefined) => T,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get(key);
    try {
      await store.put(key, change(current?.value), current?.etag);
      return;
    } catch (error) {
      const raced = isWriteRace(error);
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Keeps the latest reference of a conversation (its serviceUrl can change) for proactive messages. */
export async function saveConversation(
  deps: Pick<BotDeps, "conversations">,
  key: ConversationKey,
  reference: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  await upsert(deps.conversations, key, () => ({ reference, updatedAt: now.toISOString() }));
}

/**
 * Stores the reference of a conversation new to us and says so; a known one has its reference refreshed. The create
 * is the check (insert-if-absent), so two activities for one install racing here greet once.
 */
export async function saveNewConversation(
  deps: Pick<BotDeps, "conversations">,
  key: ConversationKey,
  reference: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<"new" | "known"> {
  try {
    await deps.conversations.put(key, { reference, updatedAt: now.toISOString() });
    return "new";
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  await saveConversation(deps, key, reference, now);
  return "known";
}

export async function isConversationSaved(
  deps: Pick<BotDeps, "conversations">,
  key: ConversationKey,
): Promise<boolean> {
  return (await deps.conversations.get(key)) !== undefined;
}

/** Makes a stored conversation the centre's chat for a purpose (agendas and triage cards are posted there). */
export async function assignChat(
  deps: Pick<BotDeps, "settings" | "app">,
  purpose: ChatPurpose,
  key: ConversationKey,
): Promise<void> {
  await upsert(deps.settings, CENTRE_SETTINGS_KEY, (current) => ({
    profileId: current?.profileId ?? deps.app.profile.id,
    closureDays: current?.closureDays ?? [],
    chatIds: { ...current?.chatIds, [purpose]: key },
  }));
}
