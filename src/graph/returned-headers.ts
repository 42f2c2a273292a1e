import type { InboundMessage } from "../domain/mail/inbound-message.js";
import {
  isReturnedHeadersPart,
  parseHeaderBlock,
  RETURNED_HEADERS_MAX_CHARS,
  wantsReturnedHeaders,
} from "../domain/mail/returned-message.js";
import { GraphMailboxError } from "./errors.js";
import type { GraphClient } from "./graph-client.js";
import { isItemAttachment } from "./graph-message.js";

const READ = "read the returned headers of a delivery report";

interface ReturnedPart {
  readonly "@odata.type"?: string;
  readonly id?: string;
  readonly contentType?: string | null;
  /** fileAttachment: `text/rfc822-headers` (or a returned message) arrives as a file. */
  readonly contentBytes?: string | null;
}

/** Base64 (4 characters per 3 bytes): a bounded prefix is decoded, never a whole returned message. */
const headersOfFile = (part: ReturnedPart): Record<string, string[]> =>
  parseHeaderBlock(
    Buffer.from((part.contentBytes ?? "").slice(0, RETURNED_HEADERS_MAX_CHARS * 2), "base64").toString("utf8"),
  );

/**
 * Adds the returned message's headers to a delivery failure that carries them (issue 7 §3: a bounce of our own
 * acknowledgement is told by our marker there). Exchange attaches the returned letter whole, as an item attachment
 * (content type null; its headers are not in `$expand` unless selected): its MIME is read from `/$value`, only as
 * far as its headers. A `text/rfc822-headers` part is a file, read from its bytes. Any other message is returned
 * untouched, with no request made: attachment content is read for bounces only. A report that vanished meanwhile
 * (404) is left as it is.
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
    for (const part of listed.value ?? []) {
      const contentType = part.contentType ?? (isItemAttachment(part) ? "message/rfc822" : "");
      if (!part.id || !isReturnedHeadersPart({ contentType })) continue;
      const path = `${messagePath(message.id)}/attachments/${encodeURIComponent(part.id)}`;
      const headers = isItemAttachment(part)
        ? parseHeaderBlock(
            await graph.getTextPrefix(`${path}/$value`, RETURNED_HEADERS_MAX_CHARS, { operation: READ, resource }),
          )
        : headersOfFile(await graph.get<ReturnedPart>(path, { operation: READ, resource }));
      for (const [name, values] of Object.entries(headers)) (returned[name] ??= []).push(...values);
    }
    return { ...message, returnedHeaders: returned };
  } catch (error) {
    if (error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND") return message;
    throw error;
  }
}
