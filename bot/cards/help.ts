import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { facts, heading, text } from "./elements/text.js";

const COMMANDS: readonly (readonly [string, string])[] = [
  ["my cases", "Your open cases, most urgent first"],
  ["due", "What is due soon or overdue on your cases"],
  ["case <reference>", "One case: its clocks, recent timeline and what you can record (personal chat only)"],
  ["log contact", "Log a call, walk-in, letter or Social Care request (personal chat only)"],
  ["screening", "Post today's screening agenda"],
  ["maam", "Post the MAAM agenda"],
  ["transfer panel", "Post the transfer panel agenda"],
  ["help", "This list"],
];

export function helpCard(): AdaptiveCardJson {
  return adaptiveCard([heading("What I can do"), text("Type one of these:"), facts(COMMANDS)]);
}

/** Sent once when the app is installed in a chat, channel or personal scope. The name carries its own article. */
export function welcomeCard(view: { readonly centreName: string }): AdaptiveCardJson {
  return adaptiveCard([
    heading(`Hello from the front door of ${view.centreName}`),
    text(
      "I post new contacts for triage, the daily screening and panel agendas, and remind you before anything is due.",
    ),
    facts(COMMANDS),
  ]);
}
