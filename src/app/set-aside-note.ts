import { domainOf } from "../domain/mail/addresses.js";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import type { SetAsideNote } from "../ports/message-ledger.js";

/** What the "Ignored and quarantined" list keeps of a message: when it came and the sender's domain, nothing more. */
export const setAsideNote = (message: InboundMessage): SetAsideNote => {
  const domain = domainOf(message.from?.address ?? message.sender?.address ?? "");
  return { receivedAt: message.receivedAt, ...(domain === "" ? {} : { senderDomain: domain }) };
};
