import { CHAT_PURPOSES, type ChatPurpose } from "../conversation-keys.js";

/** What a person asked for, from the words they typed (case and spacing do not matter). */
export type Command =
  | { readonly name: "help" }
  | { readonly name: "my cases" }
  | { readonly name: "due" }
  | { readonly name: "case"; readonly reference: string }
  | { readonly name: "find"; readonly words: string }
  | { readonly name: "screening" }
  | { readonly name: "maam" }
  | { readonly name: "transfer panel" }
  | { readonly name: "use this chat"; readonly purpose: ChatPurpose }
  | { readonly name: "log contact" }
  | { readonly name: "centre" }
  | { readonly name: "unknown"; readonly text: string };

const SIMPLE = ["help", "my cases", "due", "screening", "maam", "transfer panel", "log contact", "centre"] as const;
const CASE_REFERENCE = /^case\s+(fc-\d{4}-\d{6})$/i;
const FIND = /^(?:find|search(?: for)?)\s+(.+)$/;
const USE_CHAT = /^use this (?:chat|channel) for (?:the )?(duty|screening|maam|transfer panel)(?: chat| channel)?$/;

export function parseCommand(text: string): Command {
  const words = text
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[.!?]$/, "");
  const simple = SIMPLE.find((name) => name === words);
  if (simple !== undefined) return { name: simple };
  const reference = CASE_REFERENCE.exec(words)?.[1];
  if (reference !== undefined) return { name: "case", reference: reference.toUpperCase() };
  const found = FIND.exec(words)?.[1];
  if (found !== undefined) return { name: "find", words: found };
  const purpose = USE_CHAT.exec(words)?.[1] as keyof typeof CHAT_PURPOSES | undefined;
  if (purpose !== undefined) return { name: "use this chat", purpose: CHAT_PURPOSES[purpose] };
  return { name: "unknown", text: words };
}
