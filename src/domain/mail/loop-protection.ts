import { checkMailContext } from "./addresses.js";
import {
  autoreplyFinding,
  deliveryFailureFinding,
  machineSenderFinding,
  mailingListFinding,
  ownMailFinding,
} from "./automated-mail.js";
import type { InboundMessage } from "./inbound-message.js";
import { machineMailFinding } from "./machine-mail.js";
import type { MailContext } from "./mail-context.js";

export interface NeverAnswer {
  readonly never: boolean;
  readonly reasons: readonly string[];
}

/**
 * Loop protection: whether this message's sender must never get an automatic reply from us (RFC 3834 §2).
 * It judges the sender only; an original referrer named inside a forwarded form is a different person.
 */
export const shouldNeverAnswer = (message: InboundMessage, context: MailContext): NeverAnswer => {
  checkMailContext(context);
  const findings = [
    ownMailFinding(message, context),
    deliveryFailureFinding(message),
    machineMailFinding(message),
    autoreplyFinding(message),
    mailingListFinding(message),
    machineSenderFinding(message),
  ];
  const reasons = findings.flatMap((finding) => finding?.reasons ?? []);
  return { never: reasons.length > 0, reasons };
};
