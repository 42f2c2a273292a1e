import type { ActionInput } from "../../src/app/actions/case-action.js";
import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { execute } from "./elements/actions.js";
import { declaredInput } from "./elements/declared-inputs.js";
import { heading, text } from "./elements/text.js";

export const LOG_CONTACT_VERB = "contact.log";
/** The scope of the form's inputs on the card. */
export const CONTACT_FORM_SCOPE = "contact";

/** `log contact`: a contact that did not come by email, in the service's own form (the tab's triage page asks the same). */
export function logContactCard(form: readonly ActionInput[]): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading("Log a contact that did not come by email"),
      text("A call, a walk-in, a letter, a Gateway enquiry, or a step-down or wraparound request from Social Care."),
      ...form.flatMap((input) => declaredInput(CONTACT_FORM_SCOPE, input)),
    ],
    [execute("Log the contact", LOG_CONTACT_VERB, {}, "positive")],
  );
}

/** What was logged: the case it opened and where it waits. */
export const contactLoggedCard = (caseId: string, statePhrase: string): AdaptiveCardJson =>
  adaptiveCard([text(`Logged as case ${caseId}, which ${statePhrase}.`, { weight: "bolder", color: "good" })]);
