import type { InboundMessage } from "../domain/mail/inbound-message.js";
import {
  isReturnedHeadersPart,
  parseHeaderBlock,
  RETURNED_HEADERS_MAX_CHARS,
  wantsReturnedHeaders,
} from "../domain/mail/returned-message.js";
import { GraphMailboxError } from "./errors.js";
import type { GraphClient } from "./graph-client.js";

const READ = "read the returned headers of a delivery report";

interface ReturnedPart {
  readonly "@odata.type"?: string;
  readonly id?: string;
  readonly contentType?: string | null;
  /** fileAttachment: `text/rfc822-headers` arrives as a file. */
  readonly contentBytes?: string | null;
  /** itemAttachment: `message/rfc822` arrives as an Outlook item (with `$expand`). */
  readonly item?: {
    readonly internetMessageHeaders?: ReadonlyArray<{ readonly name: string; readonly value: string }> | null;
  } | null;
}

const headersOfItem = (part: ReturnedPart): Record<string, string[]> => {
  const headers: Record<string, string[]> = {};
  for (const { name, value } of part.item?.internetMessageHeaders ?? []) {
    (headers[name.trim().toLowerCase()] ??= []).push(value);
  }
  return headers;
};

const headersOf = (part: ReturnedPart): Record<string, string[]> => {
  if (part.contentBytes) {
    // Base64 (4 characters per 3 bytes): a bounded prefix is decoded, never a whole returned message.
    const prefix = part.contentBytes.slice(0, RETURNED_HEADERS_MAX_CHARS * 2);
    return parseHeaderBlock(Buffer.from(prefix, "base64").toString("utf8"));
  }
  return headersOfItem(part);
};

/**
 * Adds the returned message's headers to a delivery failure that carries them (issue 7 §3: a bounce of our own
 * acknowledgement is told by our marker there). Any other message is returned untouched, with no request made:
 * attachment content is read for bounces only. A report that vanished meanwhile (404) is left as it is.
 */
export async function withReturnedHeaders(
  graph: GraphClient,
  messagePath: (id: string) => string,
  message: InboundMessage,
): Promise<InboundMessage> {
  if (!wantsReturnedHeaders(message)) return message;
  const resource = `attachments of message ${message.id}`;
  try {
    const listed = await graph.get<{ value?: readonly ReturnedPart[] }>(
      `${messagePath(message.id)}/attachments?$select=id,contentType`,
      { operation: READ, resource },
    );
    const returned: Record<string, string[]> = {};
    for (const part of (listed.value ?? []).filter(
      (p) => p.id && isReturnedHeadersPart({ contentType: p.contentType ?? "" }),
    )) {
      const full = await graph.get<ReturnedPart>(
        `${messagePath(message.id)}/attachments/${encodeURIComponent(part.id ?? "")}` +
          `?$expand=microsoft.graph.itemattachment/item`,
        { operation: READ, resource },
      );
      for (const [name, values] of Object.entries(headersOf(full))) (returned[name] ??= []).push(...values);
    }
    return { ...message, returnedHeaders: returned };
  } catch (error) {
    if (error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND") return message;
    throw error;
  }
}
