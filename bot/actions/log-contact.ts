import { CONTACT_FORM, logContactFromForm } from "../../src/app/contacts/contact-form.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { BotDeps } from "../bot-deps.js";
import { CONTACT_FORM_SCOPE, contactLoggedCard } from "../cards/log-contact.js";
import type { Turn } from "../turn.js";
import { forEveryone, type ActionResult } from "./action-result.js";
import { declaredValues } from "./declared-values.js";
import { notOnStaffList, refusedOnCard } from "./decision-outcome.js";

/** `contact.log`: the form sent from the `log contact` card, logged by the same use case as the tab's triage page. */
export async function logContactOnCard(
  deps: BotDeps,
  verb: string,
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
): Promise<ActionResult> {
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  const values = declaredValues(CONTACT_FORM, CONTACT_FORM_SCOPE, data, deps.app.calendar.timeZone);
  const logged = await logContactFromForm(deps.app, who, values);
  if (logged.status === "refused") return refusedOnCard(deps, verb, "a new contact", logged);
  return forEveryone(contactLoggedCard(logged.case.id, STATE_PHRASES[logged.case.state]));
}
