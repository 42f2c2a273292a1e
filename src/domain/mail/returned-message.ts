import { deliveryFailureFinding } from "./automated-mail.js";
import type { InboundMessage } from "./inbound-message.js";
import type { MailContext } from "./mail-context.js";

/** The parts of a delivery report (RFC 3462/6522) that carry the returned message's headers. */
const RETURNED_PART_TYPES: readonly string[] = ["text/rfc822-headers", "message/rfc822", "message/global-headers"];

/** Bound on what is read of a returned part: headers sit at its top; a returned body is never wanted. */
export const RETURNED_HEADERS_MAX_CHARS = 64 * 1024;

const isReturnedPart = (contentType: string): boolean =>
  RETURNED_PART_TYPES.includes(contentType.split(";")[0]?.trim().toLowerCase() ?? "");

/**
 * Whether the returned message's headers should be read: only for a delivery failure, and only when it has a part
 * that holds them. Everything else is never opened beyond its attachment metadata.
 */
export const wantsReturnedHeaders = (message: InboundMessage): boolean =>
  message.attachments.some((a) => isReturnedPart(a.contentType)) && deliveryFailureFinding(message) !== undefined;

/** Which attachments hold the returned headers, by their content type. */
export const isReturnedHeadersPart = (attachment: { readonly contentType: string }): boolean =>
  isReturnedPart(attachment.contentType);

/**
 * The header block at the top of a returned message (up to its first empty line), unfolded, names lower-cased,
 * every value kept. Untrusted text: lines that are not headers are skipped, never interpreted.
 */
export function parseHeaderBlock(text: string): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  const lines = text.slice(0, RETURNED_HEADERS_MAX_CHARS).split(/\r?\n/);
  let current: { name: string; value: string } | undefined;
  const flush = () => {
    if (current) (headers[current.name] ??= []).push(current.value.trim());
    current = undefined;
  };
  for (const line of lines) {
    if (line.trim() === "") {
      if (current !== undefined || Object.keys(headers).length > 0) break;
      continue; // a report part may start with blank lines before the headers
    }
    if (/^[ \t]/.test(line) && current) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const match = /^([!-9;-~]+):(.*)$/.exec(line);
    if (match?.[1] !== undefined) current = { name: match[1].toLowerCase(), value: match[2] ?? "" };
  }
  flush();
  return headers;
}

/**
 * The outbox key of our own letter that a delivery failure returned, read from our marker in the returned headers.
 * Undefined for anything that is not a delivery failure, or returns someone else's mail.
 */
export function returnedOwnLetterKey(message: InboundMessage, context: MailContext): string | undefined {
  if (deliveryFailureFinding(message) === undefined) return undefined;
  const values = message.returnedHeaders?.[context.ownMarker.header.toLowerCase()] ?? [];
  return values.map((v) => v.trim()).find((v) => v !== "");
}
