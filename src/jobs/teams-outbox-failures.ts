import { isConversationUnknown, TeamsDeliveryError, type ConversationKey } from "../ports/teams.js";

/** How many tries an item gets (about two hours of back-off) before a person is asked to look at it. */
export const MAX_TEAMS_TRIES = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** What becomes of an item that could not be posted: held for a person with why, or tried again later. */
export type AfterFailure =
  | { readonly hold: string; readonly code: string }
  | { readonly retryInMs: number; readonly throttled: boolean; readonly code: string };

const panelWords = (conversation: ConversationKey) => conversation.replace("-", " ");

/** What a manager does about a conversation the bot does not know (never who or what the item is about). */
const unknownConversation = (conversation: ConversationKey): string =>
  conversation.startsWith("user~")
    ? "this person has not installed the Family Centre app in Teams; once they have, it is sent"
    : `no Teams chat is chosen for "${conversation}": a manager @mentions the bot in that chat and types "use this chat for ${panelWords(conversation)}"`;

/** The bot was blocked, the app uninstalled or removed there: Teams answered 403 or 404. */
const goneConversation = (conversation: ConversationKey, error: TeamsDeliveryError): string =>
  `Teams says the app can no longer post there (${error.status ?? "?"}${error.teamsCode ? ` ${error.teamsCode}` : ""}: ` +
  "blocked, uninstalled or removed), so the stored conversation was cleared. " +
  (conversation.startsWith("user~")
    ? "Once the person adds the Family Centre app again, it is sent."
    : `A manager adds the app back to the chat, @mentions it and types "use this chat for ${panelWords(conversation)}".`);

/**
 * Exponential back-off with jitter (a random half to whole of the step), so that instances and items put back
 * together do not all come back at once.
 */
const backOff = (tries: number, random: () => number): number =>
  Math.round(Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (tries - 1)) * (0.5 + random() / 2));

/**
 * Decides from what the notifier or renderer promised (src/ports/teams.ts): a conversation unknown or gone, or a
 * message Teams will never take, is held with the reason for a person; throttling and server errors, and anything
 * unexpected, are tried again after a back-off, until `MAX_TEAMS_TRIES`, and then held too.
 */
export function afterFailure(
  error: unknown,
  conversation: ConversationKey,
  tries: number,
  random: () => number,
): AfterFailure {
  if (isConversationUnknown(error))
    return { hold: unknownConversation(conversation), code: "BOT.CONVERSATION_UNKNOWN" };
  const delivery = error instanceof TeamsDeliveryError ? error : undefined;
  if (delivery?.code === "TEAMS.CONVERSATION_GONE")
    return { hold: goneConversation(conversation, delivery), code: delivery.code };
  if (delivery?.code === "TEAMS.MESSAGE_REFUSED") {
    return { hold: `Teams will not take this message as it is: ${delivery.message}`, code: delivery.code };
  }
  const code = delivery?.code ?? (error as { code?: unknown }).code;
  const named = typeof code === "string" ? code : "unexpected";
  if (tries >= MAX_TEAMS_TRIES) {
    return {
      hold: `Teams did not take it after ${tries} tries over about two hours (last: ${named}${delivery?.status ? ` ${delivery.status}` : ""}). Try again once Teams is working.`,
      code: named,
    };
  }
  return { retryInMs: backOff(tries, random), throttled: delivery?.code === "TEAMS.THROTTLED", code: named };
}
