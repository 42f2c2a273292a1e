import type { Case } from "../case.js";
import { letterRecordedReturned } from "../letters/letter-sent.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

/** A reply or further information on a case we hold: logged (1.3) without starting a new referral's clocks. */
export function attachFollowUpContact(kase: Case, command: CommandOf<"attachFollowUpContact">, ctx: CommandContext) {
  return [
    stamp(kase, command, ctx, "contact.received", { contactId: command.contactId, kind: kase.kind, followUp: true }),
  ];
}

/** Whether the case already records this copy of a contact's email (a retried intake records it once). */
export const receivedAgainRecorded = (kase: Case, messageId: string): boolean =>
  kase.events.some((e) => e.type === "contact.received-again" && e.data.messageId === messageId);

/** Issue 19: a second delivery of one email is kept on the contact it first made ("also received at …"). */
export function recordReceivedAgain(kase: Case, command: CommandOf<"recordReceivedAgain">, ctx: CommandContext) {
  if (receivedAgainRecorded(kase, command.messageId)) return [];
  const { contactId, messageId, receivedAt } = command;
  return [stamp(kase, command, ctx, "contact.received-again", { contactId, messageId, receivedAt })];
}

/** Issue 19 §5: who logged an email the intake had set aside, and what it had been set aside as (once per email). */
export function recordRescuedMail(kase: Case, command: CommandOf<"recordRescuedMail">, ctx: CommandContext) {
  const { contactId, messageId, setAsideAs, reason } = command;
  if (kase.events.some((e) => e.type === "contact.rescued" && e.data.messageId === messageId)) return [];
  return [stamp(kase, command, ctx, "contact.rescued", { contactId, messageId, setAsideAs, reason })];
}

/** Issue 21 §4: how a contact sent to the county's shared Front Door address came to this centre (once). */
export function recordFrontDoorRoute(kase: Case, command: CommandOf<"recordFrontDoorRoute">, ctx: CommandContext) {
  const { contactId, by, routedBy } = command;
  if (kase.events.some((e) => e.type === "contact.routed-from-front-door" && e.data.contactId === contactId)) return [];
  const data = { contactId, by, ...(routedBy === undefined ? {} : { routedBy }) };
  return [stamp(kase, command, ctx, "contact.routed-from-front-door", data)];
}

/** 1.2: the acknowledgement goes to the original referrer, once a duty worker has confirmed who that is. */
export function confirmReferrer(kase: Case, command: CommandOf<"confirmReferrer">, ctx: CommandContext) {
  const referrer = { ...command.referrer, confirmed: true };
  return [stamp(kase, command, ctx, "referrer.confirmed", { contactId: command.contactId, referrer })];
}

/** A delivery failure quoted our acknowledgement's marker: the duty worker must reach the referrer another way. */
export function recordAcknowledgementNotDelivered(
  kase: Case,
  command: CommandOf<"recordAcknowledgementNotDelivered">,
  ctx: CommandContext,
) {
  const { contactId, outboxKey } = command;
  return [stamp(kase, command, ctx, "acknowledgement.not-delivered", { contactId, outboxKey })];
}

/** The outbox confirmed a letter in Sent Items: stops 1.2 (per contact), 2.2 or 3.1. */
export function recordLetterSent(kase: Case, command: CommandOf<"recordLetterSent">, ctx: CommandContext) {
  const { outboxKey } = command;
  switch (command.letter) {
    case "acknowledgement": {
      const returned = letterRecordedReturned(kase, outboxKey);
      const data = { contactId: command.contactId ?? "", outboxKey, ...(returned ? { returned: true as const } : {}) };
      return [stamp(kase, command, ctx, "acknowledgement.sent", data)];
    }
    case "screening-outcome":
      return [stamp(kase, command, ctx, "screening-outcome.sent", { outboxKey })];
    case "maam-outcome":
      return [stamp(kase, command, ctx, "maam-outcome.sent", { outboxKey })];
  }
}
