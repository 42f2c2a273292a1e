import type { InboundMessage } from "../domain/mail/inbound-message.js";
import type { UnreadableMessage } from "../ports.js";
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

const READ = "read a message in the Family Centre mailbox";

/** Reads messages of one mailbox in full: headers, body and attachment metadata (never attachment content). */
export class MessageReader {
  constructor(
    private readonly graph: GraphClient,
    /** `users/{id or address}` of the mailbox. */
    private readonly userPath: string,
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
    return toInboundMessage(message, attachments);
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
    const withAttachments = [...messages.values()].filter((message) => message.hasAttachments);
    const attachments = await batchGet<{ value: GraphAttachment[] }>(
      this.graph,
      withAttachments.map((message) => ({
        key: message.id,
        path: `${this.messagePath(message.id)}/attachments?$select=${ATTACHMENT_SELECT}`,
        resource: `attachments of message ${message.id}`,
      })),
      READ,
    );
    return ids.flatMap((id) => {
      const message = messages.get(id);
      return message ? [readInbound(message, attachments.get(id)?.value ?? [])] : [];
    });
  }
}
