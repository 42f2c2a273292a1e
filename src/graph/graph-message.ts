import type { AttachmentInfo, InboundMessage, MailAddress } from "../domain/mail/inbound-message.js";
import type { UnreadableMessage } from "../ports/mailbox.js";
import { GraphMailboxError, malformedMessage } from "./errors.js";
import { DEFAULT_BODY_LIMITS, readBody, type BodyLimits } from "./message-body.js";

/** Graph `message` as we select it. Everything in it is untrusted input. */
export interface GraphRecipient {
  readonly emailAddress?: { readonly name?: string | null; readonly address?: string | null } | null;
}

export interface GraphMessage {
  readonly id: string;
  readonly internetMessageId?: string | null;
  readonly conversationId?: string | null;
  readonly subject?: string | null;
  readonly from?: GraphRecipient | null;
  readonly sender?: GraphRecipient | null;
  readonly replyTo?: readonly GraphRecipient[] | null;
  readonly toRecipients?: readonly GraphRecipient[] | null;
  readonly ccRecipients?: readonly GraphRecipient[] | null;
  readonly receivedDateTime?: string | null;
  readonly sentDateTime?: string | null;
  readonly hasAttachments?: boolean | null;
  readonly isDraft?: boolean | null;
  readonly internetMessageHeaders?: ReadonlyArray<{ readonly name: string; readonly value: string }> | null;
  readonly body?: { readonly contentType?: string | null; readonly content?: string | null } | null;
  readonly "@removed"?: { readonly reason?: string };
}

export interface GraphAttachment {
  /** `#microsoft.graph.fileAttachment`, `#microsoft.graph.itemAttachment` (an attached Outlook item) or a reference. */
  readonly "@odata.type"?: string;
  readonly name?: string | null;
  readonly contentType?: string | null;
  readonly size?: number | null;
}

/** What reading a message needs; delta cannot return internetMessageHeaders, so a full read fetches them. */
export const MESSAGE_SELECT = [
  "id",
  "internetMessageId",
  "conversationId",
  "subject",
  "from",
  "sender",
  "replyTo",
  "toRecipients",
  "ccRecipients",
  "receivedDateTime",
  "hasAttachments",
  "internetMessageHeaders",
  "body",
].join(",");

export const ATTACHMENT_SELECT = "name,contentType,size";

const toAddress = (recipient: GraphRecipient | null | undefined): MailAddress | undefined => {
  const address = recipient?.emailAddress?.address?.trim();
  if (!address) return undefined;
  const name = recipient?.emailAddress?.name?.trim();
  return name && name !== address ? { name, address } : { address };
};

const toAddresses = (recipients: readonly GraphRecipient[] | null | undefined): MailAddress[] =>
  (recipients ?? []).map(toAddress).filter((address): address is MailAddress => address !== undefined);

const toHeaders = (message: GraphMessage): Record<string, string[]> => {
  const headers: Record<string, string[]> = {};
  for (const { name, value } of message.internetMessageHeaders ?? []) {
    const key = name.trim().toLowerCase();
    (headers[key] ??= []).push(value);
  }
  return headers;
};

/** Graph gives an attached message (an item attachment, e.g. the letter a bounce returns) no content type. */
export const isItemAttachment = (attachment: Pick<GraphAttachment, "@odata.type">): boolean =>
  attachment["@odata.type"]?.toLowerCase() === "#microsoft.graph.itemattachment";

const typeOfUntyped = (attachment: GraphAttachment): string =>
  isItemAttachment(attachment) ? "message/rfc822" : "application/octet-stream";

const toReceivedAt = (message: GraphMessage): string => {
  const at = Date.parse(message.receivedDateTime ?? message.sentDateTime ?? "");
  if (Number.isNaN(at)) throw malformedMessage(message.id, "a readable receivedDateTime");
  return new Date(at).toISOString();
};

export const toInboundMessage = (
  message: GraphMessage,
  attachments: readonly GraphAttachment[] = [],
  limits: BodyLimits = DEFAULT_BODY_LIMITS,
): InboundMessage => {
  const from = toAddress(message.from);
  const sender = toAddress(message.sender);
  return {
    id: message.id,
    ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
    ...(message.conversationId ? { conversationId: message.conversationId } : {}),
    subject: message.subject ?? "",
    ...(from ? { from } : {}),
    ...(sender ? { sender } : {}),
    replyTo: toAddresses(message.replyTo),
    to: toAddresses(message.toRecipients),
    cc: toAddresses(message.ccRecipients),
    receivedAt: toReceivedAt(message),
    headers: toHeaders(message),
    ...readBody(message.body, limits),
    attachments: attachments.map((attachment): AttachmentInfo => ({
      name: attachment.name ?? "",
      contentType: attachment.contentType ?? typeOfUntyped(attachment),
      size: attachment.size ?? 0,
    })),
  };
};

/**
 * One message as the core sees it, or why it cannot be: a malformed message becomes a per-message failure, so that
 * one bad item never fails the whole inbox read (the round counts it and, in time, quarantines it).
 */
export const readInbound = (
  message: GraphMessage,
  attachments: readonly GraphAttachment[] = [],
  limits: BodyLimits = DEFAULT_BODY_LIMITS,
): InboundMessage | UnreadableMessage => {
  try {
    return toInboundMessage(message, attachments, limits);
  } catch (error) {
    const code = error instanceof GraphMailboxError ? error.code : "GRAPH.MALFORMED_MESSAGE";
    return { id: message.id, unreadable: code };
  }
};

export const isUnreadable = (item: InboundMessage | UnreadableMessage): item is UnreadableMessage =>
  "unreadable" in item;

/** The messages of a read, and apart from them those that could not be read. */
export const splitReadable = (
  items: readonly (InboundMessage | UnreadableMessage)[],
): { messages: InboundMessage[]; unreadable: UnreadableMessage[] } => ({
  messages: items.filter((item): item is InboundMessage => !isUnreadable(item)),
  unreadable: items.filter(isUnreadable),
});
