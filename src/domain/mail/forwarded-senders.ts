import { parseAddressLine } from "./addresses.js";
import type { MailAddress } from "./inbound-message.js";

/** Someone named on a `From:` line of a forwarded or quoted message inside a body. */
export type QuotedSender = MailAddress | { readonly name: string; readonly address?: undefined };

// A quoted header block: a From line followed closely by another header line. The pairing stops ordinary
// sentences that begin "From:" from counting. Gmail, Outlook (en, fr, de, es, nl, cy) and Apple Mail layouts.
const FROM_LINE = /^[\s>]*\**(?:from|de|von|van|oddi wrth)\**\s*:\s*\**(.+?)\**\s*$/i;
const HEADER_LINE =
  /^[\s>]*\**(?:sent|date|to|subject|cc|envoyé|à|objet|gesendet|an|betreff|enviado|para|asunto|verzonden|aan|onderwerp|anfonwyd|at|pwnc)\**\s*:/i;
const LOOKAHEAD_LINES = 4;

/** Senders of forwarded or quoted messages, outermost first, so the last one is the deepest (the original). */
export const findQuotedSenders = (bodyText: string): readonly QuotedSender[] => {
  const lines = bodyText.split(/\r?\n/);
  return lines.flatMap((line, index) => {
    const from = FROM_LINE.exec(line);
    if (from?.[1] === undefined) return [];
    const followedByHeader = lines.slice(index + 1, index + 1 + LOOKAHEAD_LINES).some((next) => HEADER_LINE.test(next));
    const sender = followedByHeader ? parseAddressLine(from[1]) : undefined;
    return sender === undefined ? [] : [sender];
  });
};
