import { createHash } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest("base64url");

/** A contact's id follows from its message, so a retry or a replayed delta logs the same contact, never a second. */
export const contactIdFor = (messageId: string): string => `m-${digest(messageId).slice(0, 22)}`;

/** Where the inbox subscription (its id and expiry) is kept in `deps.sync`. */
export const SUBSCRIPTION_KEY = "subscription";

/** Where a mail conversation's case is recorded. */
export const threadKey = (conversationId: string): string => `thread~${digest(conversationId).slice(0, 32)}`;

/** Whose acknowledgements are counted per day (never the address itself, which is personal data). */
export const senderRef = (address: string): string => digest(address.trim().toLowerCase()).slice(0, 32);

/** One letter per contact (acknowledgement) or per decision (outcomes): the outbox key makes it once-only. */
export const letterKey = (caseId: string, letter: string, discriminator: string): string =>
  `${caseId}~${letter}~${discriminator}`;
