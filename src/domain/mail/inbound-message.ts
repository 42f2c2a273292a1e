/** A mailbox address as a message names it. `name` is untrusted display text. */
export interface MailAddress {
  readonly name?: string;
  readonly address: string;
}

export interface AttachmentInfo {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/**
 * A message already read from the mailbox and parsed, as the pure mail rules see it.
 * The Graph adapter builds it from a Graph `message`; tests build it from `.eml` fixtures.
 * Everything in it is untrusted input.
 */
export interface InboundMessage {
  /** Graph immutable id (stable across folder moves). */
  readonly id: string;
  /** RFC 5322 Message-ID, with angle brackets. */
  readonly internetMessageId?: string;
  readonly conversationId?: string;
  readonly subject: string;
  readonly from?: MailAddress;
  readonly sender?: MailAddress;
  readonly replyTo: readonly MailAddress[];
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  /** UTC ISO-8601 instant the mailbox received it. */
  readonly receivedAt: string;
  /** Internet headers, names lower-cased, every value kept (a header may repeat). */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  /** Plain-text body (HTML converted to text where the message had only HTML). */
  readonly bodyText: string;
  readonly bodyHtml?: string;
  /**
   * Set when the body was longer than the intake reads: of its HTML, or of its text, only the first `readChars` of
   * `totalChars` characters were read.
   */
  readonly bodyCut?: { readonly limit: "html" | "text"; readonly readChars: number; readonly totalChars: number };
  /** A digest of the body text as read: two deliveries of one email have the same; it says nothing of the body. */
  readonly bodyDigest?: string;
  readonly attachments: readonly AttachmentInfo[];
  /**
   * Headers of the message a delivery report returns (its `text/rfc822-headers` or `message/rfc822` part), names
   * lower-cased. Read only for delivery failures that carry such a part; absent otherwise.
   */
  readonly returnedHeaders?: Readonly<Record<string, readonly string[]>>;
}
