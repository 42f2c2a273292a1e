import { normaliseAddress } from "./addresses.js";
import type { InboundMessage } from "./inbound-message.js";

/**
 * A Message-ID as one value however it was written: without angle brackets or spaces, its domain part lower-cased
 * (RFC 5322 ids are `local@domain`; domains are case-insensitive, the local part is not).
 */
export const normaliseMessageId = (messageId: string): string | undefined => {
  const bare = messageId.replace(/[<>\s]/g, "");
  if (bare === "") return undefined;
  const at = bare.lastIndexOf("@");
  return at < 0 ? bare : `${bare.slice(0, at)}@${bare.slice(at).toLowerCase().slice(1)}`;
};

/**
 * What makes two deliveries one email (issue 19 §1): the same Message-ID from the same sender with the same body. A
 * Message-ID alone is not enough (a broken client reuses one for different mail), and without a Message-ID or a body
 * digest there is no evidence at all: such a message is always its own contact.
 */
export const deliveryIdentity = (message: InboundMessage): string | undefined => {
  const id = message.internetMessageId === undefined ? undefined : normaliseMessageId(message.internetMessageId);
  const sender = message.from?.address ?? message.sender?.address;
  if (id === undefined || message.bodyDigest === undefined) return undefined;
  return [id, normaliseAddress(sender ?? ""), message.bodyDigest].join("\n");
};
