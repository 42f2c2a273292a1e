import type { Case } from "../case.js";
import type { Contact, Referrer } from "../contact.js";
import { clockRuleStoppedBy, ruleAppliesTo } from "../letters/letter-dates.js";
import type { Profile } from "../rules/profile-schema.js";

/** 1.2: an acknowledgement goes only to an original referrer a duty worker has confirmed; until then it is held. */
export const isConfirmedReferrer = (
  referrer: Referrer | undefined,
): referrer is Referrer & { readonly email: string; readonly confirmed: true } =>
  referrer?.email !== undefined && referrer.confirmed;

/** What a case's own record says of a contact's acknowledgement; the outbox knows the rest (queued, sending, failed). */
export type AcknowledgementFact = "not-required" | "held" | "sent" | "not-delivered";

/**
 * The acknowledgement's state as far as the case decides it: sent or returned (its events), not required (the
 * profile's rule does not run for this kind of case), or held because its referrer is unconfirmed. Undefined when
 * only the outbox can say.
 */
export function acknowledgementFromCase(
  profile: Profile,
  kase: Case,
  contact: Contact,
): AcknowledgementFact | undefined {
  const last = kase.events.findLast(
    (e) =>
      (e.type === "acknowledgement.sent" || e.type === "acknowledgement.not-delivered") &&
      e.data.contactId === contact.id,
  );
  if (last !== undefined) {
    return last.type === "acknowledgement.sent" && last.data.returned !== true ? "sent" : "not-delivered";
  }
  const rule = clockRuleStoppedBy(profile, "acknowledgement.sent");
  if (rule === undefined || !ruleAppliesTo(rule, kase.kind) || contact.isFollowUp) return "not-required";
  return isConfirmedReferrer(contact.referrer) ? undefined : "held";
}
