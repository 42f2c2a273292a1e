import type { InboundMessage } from "../domain/mail/inbound-message.js";
import type { UnreadableMessage } from "../ports/mailbox.js";
import { batchGet } from "./graph-batch.js";
import type { GraphClient } from "./graph-client.js";
import {
  ATTACHMENT_SELECT,
  MESSAGE_SELECT,
  readInbound,
  toInboundMessage,
  type GraphAttachment,
  type GraphMessage,
} from "./graph-message.js";
import { DEFAULT_BODY_LIMITS, type BodyLimits } from "./message-body.js";

const READ = "read a message in the Family Centre mailbox";

/** Reads messages of one mailbox in full: headers, body and attachment metadata (never attachment content). */
export class MessageReader {
  constructor(
    private readonly graph: GraphClient,
    /** `users/{id or address}` of the mailbox. */
    private readonly userPath: string,
    private readonly bodyLimits: BodyLimits = DEFAULT_BODY_LIMITS,
  ) {}

  messagePath(id: string): string {
    return `${this.userPath}/messages/${encodeURIComponent(id)}`;
  }

  async getMessage(id: string): Promise<InboundMessage> {
    const resource = `message ${id}`;
    const message = await this.graph.get<GraphMessage>(`${this.messagePath(id)}?$select=${MESSAGE_SELECT}`, {
      operation: READ,
      resource,
    });
    const attachments = message.hasAttachments
      ? (
          await this.graph.get<{ value: GraphAttachment[] }>(
            `${this.messagePath(id)}/attachments?$select=${ATTACHMENT_SELECT}`,
            { operation: READ, resource },
          )
        ).value
      : [];
    return toInboundMessage(message, attachments, this.bodyLimits);
  }

  /** Many messages in `$batch` calls; ids no longer in the mailbox are left out. Keeps the order of `ids`. */
  async getMessages(ids: readonly string[]): Promise<Array<InboundMessage | UnreadableMessage>> {
    const messages = await batchGet<GraphMessage>(
      this.graph,
      ids.map((id) => ({
        key: id,
        path: `${this.messagePath(id)}?$select=${MESSAGE_SELECT}`,
        resource: `message ${id}`,
      })),
      READ,
    );
    return this.complete(ids.flatMap((id) => messages.get(id) ?? []));
  }

  /**
   * Messages as a delta page gave them (selected with MESSAGE_SELECT): those that came without their headers (Graph
   * does not promise internetMessageHeaders in a delta, and a message we handle always has some) are read in full;
   * attachment names are read only for messages that have attachments. Keeps the order given.
   */
  async complete(delivered: readonly GraphMessage[]): Promise<Array<InboundMessage | UnreadableMessage>> {
    const unread = delivered.filter((m) => (m.internetMessageHeaders ?? []).length === 0).map((m) => m.id);
    const full = await batchGet<GraphMessage>(
      this.graph,
      unread.map((id) => ({
        key: id,
        path: `${this.messagePath(id)}?$select=${MESSAGE_SELECT}`,
        resource: `message ${id}`,
      })),
      READ,
    );
    const messages = delivered.flatMap((m) => (unread.includes(m.id) ? (full.get(m.id) ?? []) : [m]));
    const attachments = await batchGet<{ value: GraphAttachment[] }>(
      this.graph,
      messages
        .filter((message) => message.hasAttachments)
        .map((message) => ({
          key: message.id,
          path: `${this.messagePath(message.id)}/attachments?$select=${ATTACHMENT_SELECT}`,
          resource: `attachments of message ${message.id}`,
        })),
      READ,
    );
    return messages.map((message) => readInbound(message, attachments.get(message.id)?.value ?? [], this.bodyLimits));
  }
}
