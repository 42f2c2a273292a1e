import type { HelpView } from "../cards/help.js";
import type { Turn } from "../turn.js";

/** The bot's name when Teams did not give it: the app's short name in the manifest. */
const APP_NAME = "Family Centre";

/** Group and meeting chats and channels pass a message to the bot only when it @mentions the bot. */
const mentionOnly = (turn: Pick<Turn, "conversation">): boolean => turn.conversation.type !== "personal";

/** How the help and welcome cards show commands here: with the @mention where one is needed. */
export const helpViewFor = (turn: Pick<Turn, "conversation" | "botName">): HelpView =>
  mentionOnly(turn) ? { mention: turn.botName ?? APP_NAME } : {};

/** What to send here to ask for `command`: in a shared chat, "@Family Centre help". */
export const toAsk = (turn: Pick<Turn, "conversation" | "botName">, command: string): string =>
  mentionOnly(turn) ? `@${turn.botName ?? APP_NAME} ${command}` : command;
