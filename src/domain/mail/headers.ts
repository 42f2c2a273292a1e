import type { InboundMessage } from "./inbound-message.js";

/** Every value of a header, in message order (header names are stored lower-cased). */
export const headerValues = (message: InboundMessage, name: string): readonly string[] =>
  message.headers[name.toLowerCase()] ?? [];

export const hasHeader = (message: InboundMessage, name: string): boolean => headerValues(message, name).length > 0;

/** The first value of a header, unfolded and trimmed, lower-cased for comparison. */
export const headerToken = (message: InboundMessage, name: string): string | undefined =>
  headerValues(message, name)[0]?.replace(/\s+/g, " ").trim().toLowerCase();
