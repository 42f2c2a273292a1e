import { AlreadyExistsError, ConcurrencyError, isWriteRace } from "../ports/errors.js";
import type { ConversationKey } from "../ports/teams.js";
import type { AppDeps } from "./app-deps.js";
import { CENTRE_SETTINGS_KEY, unassignChat } from "./settings/centre-settings.js";

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

/**
 * Every activity from a conversation we know refreshes its stored reference when it changed (Teams may move a
 * conversation to another `serviceUrl`); one we do not know is left to the activities that introduce it.
 */
export async function refreshConversation(
  deps: ConversationDeps,
  key: ConversationKey,
  reference: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<"refreshed" | "unchanged" | "unknown"> {
  const current = await deps.conversations.get(key);
  if (current === undefined) return "unknown";
  if (JSON.stringify(current.value.reference) === JSON.stringify(reference)) return "unchanged";
  try {
    await deps.conversations.put(key, { reference, updatedAt: now.toISOString() }, current.etag);
  } catch (error) {
    // Another activity refreshed it first: theirs is as new as ours.
    if (!isWriteRace(error)) throw error;
  }
  return "refreshed";
}

/**
 * The app was removed from a conversation, the bot left it, or Teams says the bot can no longer post there (blocked,
 * uninstalled): its stored reference goes, and so does any panel or duty chat assigned to it, so that what is sent
 * there next is held with what to do rather than failing. With `etag`, a reference saved again since (the app added
 * back meanwhile) is kept.
 */
export async function forgetConversation(
  deps: ConversationDeps & Pick<AppDeps, "settings" | "profile">,
  key: ConversationKey,
  etag?: string,
): Promise<{ readonly forgotten: boolean; readonly unassigned: readonly string[] }> {
  let forgotten: boolean;
  try {
    forgotten = await deps.conversations.delete(key, etag);
  } catch (error) {
    if (error instanceof ConcurrencyError) return { forgotten: false, unassigned: [] };
    throw error;
  }
  return { forgotten, unassigned: await unassignChat(deps, key) };
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
): Promise<StoredConversationFor | undefined> {
  const settings = (await deps.settings.get(CENTRE_SETTINGS_KEY))?.value;
  const storedKey = settings?.chatIds[key] ?? key;
  const stored = await deps.conversations.get(storedKey);
  return stored === undefined ? undefined : { storedKey, reference: stored.value.reference, etag: stored.etag };
}

export interface StoredConversationFor {
  readonly storedKey: string;
  readonly reference: Readonly<Record<string, unknown>>;
  /** The stored record's ETag, so forgetting it never removes a reference saved again since. */
  readonly etag: string;
}
