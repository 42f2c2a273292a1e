import { AlreadyExistsError, isWriteRace } from "../ports/errors.js";
import type { ConversationKey } from "../ports/teams.js";
import type { AppDeps } from "./app-deps.js";
import { CENTRE_SETTINGS_KEY } from "./settings/centre-settings.js";

const ATTEMPTS = 3;
type ConversationDeps = Pick<AppDeps, "conversations">;

/** Keeps the latest reference of a conversation (its serviceUrl can change) for proactive messages. */
export async function rememberConversation(
  deps: ConversationDeps,
  key: ConversationKey,
  reference: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.conversations.get(key);
    try {
      await deps.conversations.put(key, { reference, updatedAt: now.toISOString() }, current?.etag);
      return;
    } catch (error) {
      if (!isWriteRace(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Stores the reference of a conversation new to us and says so; a known one has its reference refreshed. The create
 * is the check (insert-if-absent), so two activities for one install racing here greet once.
 */
export async function rememberNewConversation(
  deps: ConversationDeps,
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
  await rememberConversation(deps, key, reference, now);
  return "known";
}

export async function isConversationKnown(deps: ConversationDeps, key: ConversationKey): Promise<boolean> {
  return (await deps.conversations.get(key)) !== undefined;
}

/**
 * Where a proactive message for `key` goes: a panel's or the duty chat through the centre's chat settings
 * (`screening` → the chat a manager chose), any other key (`user~<aadObjectId>`) as stored. Undefined: the app is
 * not installed there, or no chat was chosen yet.
 */
export async function conversationFor(
  deps: ConversationDeps & Pick<AppDeps, "settings">,
  key: ConversationKey,
): Promise<{ readonly storedKey: string; readonly reference: Readonly<Record<string, unknown>> } | undefined> {
  const settings = (await deps.settings.get(CENTRE_SETTINGS_KEY))?.value;
  const storedKey = settings?.chatIds[key] ?? key;
  const stored = (await deps.conversations.get(storedKey))?.value;
  return stored === undefined ? undefined : { storedKey, reference: stored.reference };
}
