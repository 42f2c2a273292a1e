import { CONTACT_FORM } from "../../src/app/contacts/contact-form.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { logContactCard } from "../cards/log-contact.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";

/** `log contact`: the form, in a personal chat only (what is typed names a referrer and a family). */
export const logContactNow = (turn: Turn): AdaptiveCardJson =>
  turn.conversation.type === "personal"
    ? logContactCard(CONTACT_FORM)
    : refusal('"log contact" is answered only in your personal chat with the bot', "Message the bot directly.");
