import { adaptiveCard, type AdaptiveCardJson, type CardElement } from "./card-json.js";
import { facts, heading, text } from "./elements/text.js";

const COMMANDS: readonly (readonly [string, string])[] = [
  ["my cases", "Your open cases, most urgent first"],
  ["due", "What is due soon or overdue on your cases"],
  ["case <reference>", "One case: its clocks, recent timeline and what you can record (personal chat only)"],
  ["find <words>", "Find cases by reference, referrer, family name or subject words (personal chat only)"],
  ["log contact", "Log a call, walk-in, letter or Social Care request (personal chat only)"],
  ["screening", "Post today's screening agenda"],
  ["maam", "Post the MAAM agenda"],
  ["transfer panel", "Post the transfer panel agenda"],
  ["help", "This list"],
];

/**
 * Where the card is shown. In a group chat, meeting chat or channel Teams passes a message to the bot only when it
 * @mentions the bot, so there each command is shown with the @mention (`mention`: the bot's name there).
 */
export interface HelpView {
  readonly mention?: string;
  /** The centre answering, named for someone who works in several (they can switch with `centre`). */
  readonly centre?: string;
}

const SWITCH_CENTRE = ["centre", "Show your centres and switch to another"] as const;

function commands(view: HelpView): CardElement[] {
  const all = view.centre === undefined ? COMMANDS : [...COMMANDS.slice(0, -1), SWITCH_CENTRE, ...COMMANDS.slice(-1)];
  if (view.mention === undefined) return [text("Type one of these:"), facts(all)];
  const at = `@${view.mention}`;
  return [
    text(
      `In this chat I only see messages that @mention me: type ${at}, pick me from the list Teams offers, then type the command. For example:`,
    ),
    facts(all.map(([command, what]) => [`${at} ${command}`, what] as const)),
  ];
}

export function helpCard(view: HelpView = {}): AdaptiveCardJson {
  return adaptiveCard([
    heading(view.centre === undefined ? "What I can do" : `What I can do for ${view.centre}`),
    ...commands(view),
  ]);
}

/** Sent once when the app is installed in a chat, channel or personal scope. The name carries its own article. */
export function welcomeCard(view: HelpView & { readonly centreName: string }): AdaptiveCardJson {
  return adaptiveCard([
    heading(`Hello from the front door of ${view.centreName}`),
    text(
      "I post new contacts for triage, the daily screening and panel agendas, and remind you before anything is due.",
    ),
    ...commands(view),
  ]);
}
