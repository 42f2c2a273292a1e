import { invalidMailContext } from "./errors.js";
import type { MailAddress } from "./inbound-message.js";
import type { MailContext } from "./mail-context.js";

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

export const sameAddress = (a: string, b: string): boolean => normaliseAddress(a) === normaliseAddress(b);

export const domainOf = (address: string): string => normaliseAddress(address).split("@")[1] ?? "";

/** The first email address written anywhere in a piece of text. */
export const findEmail = (text: string): string | undefined => EMAIL.exec(text)?.[0];

/**
 * Machine mailboxes that never read replies: answering them bounces or loops
 * (RFC 3834 §2 asks responders not to answer them; Exchange NDRs come from MicrosoftExchange<hex>).
 */
const MACHINE_LOCAL_PART =
  /^(?:.*no[-_.]?reply.*|do[-_.]?not[-_.]?reply|postmaster|mailer[-_.]?daemon|bounces?(?:[-+].*)?|microsoftexchange[0-9a-f]{32})$/;

export const isMachineAddress = (address: string): boolean =>
  MACHINE_LOCAL_PART.test(normaliseAddress(address).split("@")[0] ?? "");

/** Addresses that pass mail on but never referred anyone: the desk, our own mailbox, machines. */
export const isIntermediary = (address: string, context: MailContext): boolean =>
  sameAddress(address, context.groupMailbox) ||
  context.earlyHelpDesk.some((desk) => sameAddress(desk, address)) ||
  isMachineAddress(address);

/** Reads `Name <addr>`, `Name [mailto:addr]`, `"Name" addr` or a bare address as a forwarded header writes it. */
export const parseAddressLine = (text: string): MailAddress | { readonly name: string } | undefined => {
  const address = findEmail(text);
  const name = text
    .replace(EMAIL, "")
    .replace(/mailto:/gi, "")
    .replace(/[<>[\]"']/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (address === undefined) return name === "" ? undefined : { name };
  return name === "" ? { address } : { name, address };
};

/** Fail fast on settings that would let our own mail or the desk's forwards through unnoticed. */
export const checkMailContext = (context: MailContext): void => {
  if (findEmail(context.groupMailbox) !== context.groupMailbox.trim()) {
    throw invalidMailContext("the Family Centre group mailbox must be one email address");
  }
  if (context.earlyHelpDesk.some((desk) => findEmail(desk) !== desk.trim())) {
    throw invalidMailContext("every Early Help Desk entry must be one email address");
  }
  if (!/^x-[a-z0-9-]+$/i.test(context.ownMarker.header)) {
    throw invalidMailContext('the outbox marker header must be a custom header name starting "x-"');
  }
};

/** Case references are matched once per call; a global or sticky flag would make `test` stateful. */
export const findCaseReference = (text: string, context: MailContext): string | undefined => {
  const pattern = context.caseReferencePattern;
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")).exec(text)?.[0];
};
