import type { Case } from "../case.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

/** A reply or further information on a case we hold: logged (1.3) without starting a new referral's clocks. */
export function attachFollowUpContact(kase: Case, command: CommandOf<"attachFollowUpContact">, ctx: CommandContext) {
  return [
    stamp(kase, command, ctx, "contact.received", { contactId: command.contactId, kind: kase.kind, followUp: true }),
  ];
}

/** 1.2: the acknowledgement goes to the original referrer, once a duty worker has confirmed who that is. */
export function confirmReferrer(kase: Case, command: CommandOf<"confirmReferrer">, ctx: CommandContext) {
  const referrer = { ...command.referrer, confirmed: true };
  return [stamp(kase, command, ctx, "referrer.confirmed", { contactId: command.contactId, referrer })];
}
