/** The mailbox's messages as the stand-in keeps them, and the Graph `message` resource built from them. */

export type FolderName = "inbox" | "sentitems" | "drafts" | "deleteditems" | "junkemail";
export const FOLDERS: readonly FolderName[] = ["inbox", "sentitems", "drafts", "deleteditems", "junkemail"];

export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}
export interface Recipient {
  readonly emailAddress: EmailAddress;
}
export interface ItemBody {
  readonly contentType: "html" | "text";
  readonly content: string;
}
export interface HeaderField {
  readonly name: string;
  readonly value: string;
}
export interface ExtendedProperty {
  readonly id: string;
  readonly value: string;
}
export interface StoredAttachment {
  readonly id: string;
  /**
   * A file, or an Outlook item: Exchange keeps an attached message (`message/rfc822`, such as the original a
   * delivery report returns) as an item attachment, whose `contentType` Graph gives as null.
   */
  readonly kind: "file" | "item";
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly isInline: boolean;
  readonly contentId?: string;
  readonly contentBytes: string;
}

export interface StoredMessage {
  readonly id: string;
  folder: FolderName;
  internetMessageId: string;
  conversationId: string;
  conversationIndex: string;
  subject: string;
  from?: Recipient;
  sender?: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime?: string;
  importance: "low" | "normal" | "high";
  isRead: boolean;
  isDraft: boolean;
  body: ItemBody;
  /** Plain text of the body for previews, the page and uniqueBody (of an HTML body, its start as Exchange converts it). */
  bodyText: string;
  /** The text this message adds to its thread (quoted history cut), rendered as Graph's `uniqueBody`. */
  uniqueText: string;
  internetMessageHeaders: HeaderField[];
  /** Threading headers (In-Reply-To, References), kept apart because drafts carry them before any MIME exists. */
  references: string[];
  attachments: StoredAttachment[];
  singleValueExtendedProperties: ExtendedProperty[];
  changeKey: string;
  /** The message as received or as sent; drafts have none until they are sent. */
  raw?: Buffer;
}

/** Graph's PS_INTERNET_HEADERS property set: a named string property here becomes an internet header when sent. */
export const INTERNET_HEADERS_PROPERTY_SET = "{00020386-0000-0000-c000-000000000046}";

export const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function extendedProperty(message: StoredMessage, id: string): string | undefined {
  return message.singleValueExtendedProperties.find((p) => sameAddress(p.id, id))?.value;
}

export function headerValue(message: StoredMessage, name: string): string | undefined {
  return message.internetMessageHeaders.find((h) => sameAddress(h.name, name))?.value;
}

/** A body preview as Graph makes it: the first 255 characters of text, whitespace collapsed. */
export function bodyPreview(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 255);
}
