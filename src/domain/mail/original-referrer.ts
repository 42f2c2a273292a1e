import type { Referrer } from "../contact.js";
import { checkMailContext, domainOf, isIntermediary, isMachineAddress, normaliseAddress } from "./addresses.js";
import { findQuotedSenders } from "./forwarded-senders.js";
import type { InboundMessage, MailAddress } from "./inbound-message.js";
import type { MailContext } from "./mail-context.js";
import { findReferrerFields, type ReferrerFields } from "./referrer-fields.js";
import { neutraliseDisplayName, safeText } from "./safe-text.js";

/** Who asked for help in the first instance (rule 1.2), and how we know. */
export interface ReferrerFinding {
  readonly referrer?: Referrer;
  /** False when candidates disagree or none was found: a duty worker confirms before anything is sent. */
  readonly confident: boolean;
  readonly source: "sender" | "form-field" | "forwarded-header" | "none";
  readonly reasons: readonly string[];
}

const ORGANISATION_MAX = 120;

const referrerFrom = (person: ReferrerFields, confirmed: boolean): Referrer => ({
  ...(person.name === undefined ? {} : { name: neutraliseDisplayName(person.name) }),
  ...(person.email === undefined ? {} : { email: normaliseAddress(person.email) }),
  ...(person.organisation === undefined ? {} : { organisation: safeText(person.organisation, ORGANISATION_MAX) }),
  confirmed,
});

/**
 * The person to acknowledge for an ordinary email: From. Reply-To is used only when From is a no-reply
 * address, or when Reply-To is on the sender's own domain (a school office writing for its safeguarding
 * lead); a Reply-To elsewhere could redirect an acknowledgement about a child to a stranger.
 */
const senderOf = (message: InboundMessage): MailAddress | undefined => {
  const from = message.from ?? message.sender;
  const [replyTo, ...more] = message.replyTo;
  if (from === undefined || replyTo === undefined || more.length > 0 || isMachineAddress(replyTo.address)) return from;
  return isMachineAddress(from.address) || domainOf(replyTo.address) === domainOf(from.address) ? replyTo : from;
};

const distinctByEmail = (people: readonly ReferrerFields[]): readonly ReferrerFields[] =>
  people.filter(
    (person, index) =>
      person.email !== undefined &&
      people.findIndex(
        (other) => other.email !== undefined && normaliseAddress(other.email) === normaliseAddress(person.email ?? ""),
      ) === index,
  );

const agree = (a: ReferrerFields, b: ReferrerFields): boolean =>
  a.email !== undefined && b.email !== undefined && normaliseAddress(a.email) === normaliseAddress(b.email);

/**
 * Finds the original referrer. A Front Door contact forwarded by the Early Help Desk names the person who
 * submitted it in its form fields or in the forwarded header block; the desk, our own mailbox and no-reply
 * addresses are never the referrer.
 */
export const findOriginalReferrer = (message: InboundMessage, context: MailContext): ReferrerFinding => {
  checkMailContext(context);
  const notIntermediary = (person: ReferrerFields): boolean =>
    person.email === undefined || !isIntermediary(person.email, context);
  const formPeople = findReferrerFields(message.bodyText).filter(notIntermediary);
  const sender = senderOf(message);
  if (sender !== undefined && !isIntermediary(sender.address, context)) return fromSender(sender, formPeople);
  const quoted = findQuotedSenders(message.bodyText)
    .filter((p): p is MailAddress => p.address !== undefined && !isIntermediary(p.address, context))
    .at(-1);
  return fromForwardedForm(distinctByEmail(formPeople), quoted) ?? fromNamesOnly(formPeople);
};

/** A referrer who wrote to us themselves: confident unless the form inside names someone else. */
function fromSender(sender: MailAddress, formPeople: readonly ReferrerFields[]): ReferrerFinding {
  const person: ReferrerFields = {
    ...formPeople.find((p) => agree(p, { email: sender.address })),
    ...sender,
    email: sender.address,
  };
  const others = distinctByEmail(formPeople).filter((p) => !agree(p, person));
  if (others.length === 0) {
    return {
      referrer: referrerFrom(person, true),
      confident: true,
      source: "sender",
      reasons: ["The sender is the referrer."],
    };
  }
  return {
    referrer: referrerFrom(person, false),
    confident: false,
    source: "sender",
    reasons: [
      `The form names a different referrer (${others.map((p) => p.email).join(", ")}) from the sender: please confirm who to acknowledge.`,
    ],
  };
}

/**
 * Mail passed on by the desk or a system: the form's referrer email, checked against the forwarded message's own
 * sender; else that sender alone. Undefined when neither gives an email address.
 */
function fromForwardedForm(
  formEmails: readonly ReferrerFields[],
  quoted: MailAddress | undefined,
): ReferrerFinding | undefined {
  const [form, ...otherForms] = formEmails;
  if (form === undefined) return quoted === undefined ? undefined : fromQuotedSender(quoted);
  if (otherForms.length > 0) {
    return unsure(form, [
      `The form gives more than one referrer email (${formEmails.map((p) => p.email).join(", ")}): please confirm who to acknowledge.`,
    ]);
  }
  if (quoted !== undefined && !agree(form, { email: quoted.address })) {
    return unsure(form, [
      `The form names ${form.email ?? ""} but the forwarded message came from ${quoted.address}: please confirm who to acknowledge.`,
    ]);
  }
  const agreed = quoted === undefined ? [] : ["The forwarded message came from the same address."];
  return {
    referrer: referrerFrom(form, true),
    confident: true,
    source: "form-field",
    reasons: ["The forwarded form names the referrer.", ...agreed],
  };
}

const fromQuotedSender = (quoted: MailAddress): ReferrerFinding => ({
  referrer: referrerFrom({ ...quoted, email: quoted.address }, true),
  confident: true,
  source: "forwarded-header",
  reasons: ["The forwarded message shows who sent it in the first place."],
});

const unsure = (form: ReferrerFields, reasons: readonly string[]): ReferrerFinding => ({
  referrer: referrerFrom(form, false),
  confident: false,
  source: "form-field",
  reasons,
});

/** No email address anywhere: a name on the form is kept for the duty worker, who confirms before anything is sent. */
function fromNamesOnly(formPeople: readonly ReferrerFields[]): ReferrerFinding {
  const named = formPeople[0];
  if (named !== undefined) {
    return unsure(named, [
      "The form names the referrer but gives no email address: please add it before the acknowledgement is sent.",
    ]);
  }
  return {
    confident: false,
    source: "none",
    reasons: [
      "Could not tell who made this referral (it came through the Early Help Desk or a system address): please confirm the referrer.",
    ],
  };
}
