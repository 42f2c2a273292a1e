import type { Case } from "../domain/case.js";
import type { Contact, Referrer } from "../domain/contact.js";
import { longDate, maamBy, screeningOutcomeBy } from "../domain/letters/letter-dates.js";
import { renderLetter, unfilledPlaceholders, type Letter } from "../domain/letters/render-letter.js";
import type { SentLetter } from "../domain/lifecycle/commands.js";
import type { MailAddress } from "../domain/mail/inbound-message.js";
import { neutraliseDisplayName } from "../domain/mail/safe-text.js";
import { PLACEHOLDER_MEANINGS, isKnownPlaceholder } from "../policy/placeholders.js";
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
  /**
   * Not to go yet, held for a duty worker: nobody confirmed to write to (1.2 "to the original referrer"), or a
   * placeholder the case cannot fill (`reason` says which), since a letter never goes out with a hole in it.
   */
  | { readonly ready: false; readonly payload: LetterPayload; readonly reason?: string };

/** An acknowledgement's `template` when the profile's `emails.transferReceived` stands as it (issue 21 §4). */
export const TRANSFER_LETTER = "transferReceived";

/** The centre a case was transferred from, for `{{transferredFrom}}`. */
const transferredFrom = (kase: Case): string | undefined =>
  kase.events.find((e) => e.type === "case.received-by-transfer")?.data.fromCentreName;

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

/** The worker the letter names: the one the reported decision allocates to, else the case's lead worker. */
async function workerName(deps: Pick<AppDeps, "staff">, kase: Case, seq: number | undefined) {
  const decision = kase.events.find((e) => e.seq === seq);
  const named = decision !== undefined && "allocateTo" in decision.data ? decision.data.allocateTo : undefined;
  const workerId = named ?? kase.leadWorkerId;
  return workerId === undefined ? undefined : (await deps.staff.get(workerId))?.value.displayName;
}

/** Why a letter is held: each placeholder it cannot fill, in words a duty worker can act on. */
const holeReason = (missing: readonly string[]): string =>
  `The letter cannot go with a blank in it: the case does not give ${missing
    .map((name) => (isKnownPlaceholder(name) ? `${PLACEHOLDER_MEANINGS[name]} ({{${name}}})` : `{{${name}}}`))
    .join(", ")}. Record it on the case, then release the letter.`;

/**
 * Fills the profile's template for an outbox letter (1.2 acknowledgement, 2.2 and 3.1 outcomes) from the case. A
 * placeholder it cannot fill holds the letter for a duty worker with the reason; nothing goes with a blank.
 */
export async function composeLetter(
  deps: Pick<AppDeps, "profile" | "calendar" | "centre" | "staff">,
  stored: StoredCase,
  item: OutboxItem,
): Promise<ComposedLetter> {
  const payload = letterPayloadOf(item);
  const referrer = recipientFor(stored, payload);
  if (referrer?.email === undefined) return { ready: false, payload };
  const { profile, calendar } = deps;
  const kase = stored.case;
  const contact = stored.contacts.find((c) => c.id === payload.contactId);
  const received = new Date(contact?.receivedAt ?? kase.openedAt);
  const template =
    payload.letter !== "acknowledgement"
      ? profile.emails.outcomes[payload.template ?? ""]
      : payload.template === TRANSFER_LETTER
        ? profile.emails.transferReceived
        : profile.emails.acknowledgement;
  if (template === undefined) throw letterTemplateMissing(profile.id, payload.template ?? "");
  const outcomeBy = screeningOutcomeBy(profile, calendar, received);
  const presentBy = maamBy(profile, calendar, new Date(kase.openedAt));
  const name = referrer.name ? neutraliseDisplayName(referrer.name) : undefined;
  const values = {
    caseReference: kase.id,
    referrerName: name ?? "colleague",
    receivedDate: longDate(calendar.localDate(received)),
    screeningOutcomeBy: outcomeBy && longDate(outcomeBy),
    maamBy: presentBy && longDate(presentBy),
    decisionDate: decisionDate(kase, payload.decisionSeq, deps),
    workerName: await workerName(deps, kase, payload.decisionSeq),
    centreName: deps.centre.name,
    transferredFrom: transferredFrom(kase),
  };
  const missing = unfilledPlaceholders(template, values);
  if (missing.length > 0) return { ready: false, payload, reason: holeReason(missing) };
  const letter = renderLetter(template, values);
  return { ready: true, to: { address: referrer.email, ...(name ? { name } : {}) }, letter, payload };
}
