import { invalidTextLimit } from "./errors.js";

// C0/C1 controls (CR/LF included: they would split an outgoing header), and the bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) plus LRM/RLM that can make a name read backwards.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe for one line of a card or an outgoing header: no controls, no bidi tricks, capped. */
export const safeText = (text: string, max: number): string => {
  if (!Number.isInteger(max) || max < 1) throw invalidTextLimit(max);
  const clean = text.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(clean); // by code point, so a capped name never ends in half an emoji
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join("")}…`;
};

const DISPLAY_NAME_MAX = 80;

/**
 * A display name we may show or write back into a To: header. Address syntax is removed so a name like
 * `"help@council.example" <x@evil.example>` cannot pose as a different address.
 */
export const neutraliseDisplayName = (name: string): string =>
  safeText(name.replace(/[<>"\\;,:()[\]]/g, " ").replace(/@/g, " at "), DISPLAY_NAME_MAX);
