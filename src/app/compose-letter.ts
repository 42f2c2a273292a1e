import type { Case } from "../domain/case.js";
import type { Contact, Referrer } from "../domain/contact.js";
import { longDate, maamBy, screeningOutcomeBy } from "../domain/letters/letter-dates.js";
import { renderLetter, type Letter } from "../domain/letters/render-letter.js";
import type { SentLetter } from "../domain/lifecycle/commands.js";
import type { MailAddress } from "../domain/mail/inbound-message.js";
import { neutraliseDisplayName } from "../domain/mail/safe-text.js";
import type { OutboxItem } from "../ports/outbox.js";
import type { StoredCase } from "../ports/cases.js";
import type { AppDeps } from "./app-deps.js";
import { letterTemplateMissing } from "./errors.js";

/** What the outbox keeps for a letter; the text is composed when it is sent, to whoever is then confirmed. */
export interface LetterPayload {
  readonly letter: SentLetter;
  readonly contactId?: string;
  /** The outcome template (profile `emails.outcomes`), for 2.2 and 3.1. */
  readonly template?: string;
  /** The decision event the outcome letter reports. */
  readonly decisionSeq?: number;
  readonly replyToMessageId?: string;
}

export type ComposedLetter =
  | { readonly ready: true; readonly to: MailAddress; readonly letter: Letter; readonly payload: LetterPayload }
  /** Nobody confirmed to write to yet: the item waits for a duty worker (1.2 "to the original referrer"). */
  | { readonly ready: false; readonly payload: LetterPayload };

export const letterPayloadOf = (item: OutboxItem): LetterPayload => item.payload as unknown as LetterPayload;

/** The referrer confirmed for a contact: the latest confirmation by a duty worker, else a confident finding. */
function recipientFor(stored: StoredCase, payload: LetterPayload): Referrer | undefined {
  const { case: kase, contacts } = stored;
  if (payload.letter !== "acknowledgement") return kase.referrer?.confirmed ? kase.referrer : undefined;
  const confirmation = [...kase.events]
    .reverse()
    .find((e) => e.type === "referrer.confirmed" && e.data.contactId === payload.contactId);
  if (confirmation?.type === "referrer.confirmed") return confirmation.data.referrer;
  const contact: Contact | undefined = contacts.find((c) => c.id === payload.contactId);
  return contact?.referrer?.confirmed ? contact.referrer : undefined;
}

function decisionDate(kase: Case, seq: number | undefined, deps: Pick<AppDeps, "calendar">): string | undefined {
  const event = kase.events.find((e) => e.seq === seq);
  return event === undefined ? undefined : longDate(deps.calendar.localDate(new Date(event.at)));
}

/** Fills the profile's template for an outbox letter (1.2 acknowledgement, 2.2 and 3.1 outcomes). */
export function composeLetter(
  deps: Pick<AppDeps, "profile" | "calendar" | "centre">,
  stored: StoredCase,
  item: OutboxItem,
): ComposedLetter {
  const payload = letterPayloadOf(item);
  const referrer = recipientFor(stored, payload);
  if (referrer?.email === undefined) return { ready: false, payload };
  const { profile, calendar } = deps;
  const kase = stored.case;
  const contact = stored.contacts.find((c) => c.id === payload.contactId);
  const received = new Date(contact?.receivedAt ?? kase.openedAt);
  const template =
    payload.letter === "acknowledgement"
      ? profile.emails.acknowledgement
      : profile.emails.outcomes[payload.template ?? ""];
  if (template === undefined) throw letterTemplateMissing(profile.id, payload.template ?? "");
  const outcomeBy = screeningOutcomeBy(profile, calendar, received);
  const presentBy = maamBy(profile, calendar, new Date(kase.openedAt));
  const letter = renderLetter(template, {
    caseReference: kase.id,
    referrerName: referrer.name ? neutraliseDisplayName(referrer.name) : "colleague",
    receivedDate: longDate(calendar.localDate(received)),
    screeningOutcomeBy: outcomeBy && longDate(outcomeBy),
    maamBy: presentBy && longDate(presentBy),
    decisionDate: decisionDate(kase, payload.decisionSeq, deps),
    centreName: deps.centre.name,
  });
  const name = referrer.name ? neutraliseDisplayName(referrer.name) : undefined;
  return { ready: true, to: { address: referrer.email, ...(name ? { name } : {}) }, letter, payload };
}
