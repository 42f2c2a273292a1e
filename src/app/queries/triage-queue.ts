import { CONTACT_KIND_LABELS, type Contact } from "../../domain/contact.js";
import type { StoredCase } from "../../ports/cases.js";
import type { AppDeps } from "../app-deps.js";
import { acknowledgementOf, type AcknowledgementState } from "./acknowledgement.js";
import { casesOnPage } from "./worklist-cases.js";

/** A contact a duty worker must look at: the newest one still waiting for its referrer to be confirmed. */
export interface TriageEntry {
  readonly stored: StoredCase;
  readonly contact: Contact;
  /** Why it was sorted as it was, from what the log keeps. */
  readonly reasons: readonly string[];
  readonly acknowledgement: AcknowledgementState;
}

function reasonsOf(stored: StoredCase, contact: Contact): string[] {
  const received = stored.case.events.find((e) => e.type === "contact.received" && e.data.contactId === contact.id);
  const reasons = [`Logged as ${CONTACT_KIND_LABELS[contact.kind]} from the ${contact.channel}.`];
  if (received?.type === "contact.received" && received.data.outOfHours) reasons.push("Received out of hours.");
  if (!contact.referrer?.confirmed) reasons.push("The original referrer needs a duty worker to confirm it (rule 1.2).");
  if (contact.bodyReadInPart) reasons.push("Its email was too long to read whole: read the rest in the mailbox.");
  return reasons;
}

const contactToTriage = (stored: StoredCase): Contact | undefined =>
  [...stored.contacts].reverse().find((c) => !c.isFollowUp && c.referrer?.confirmed !== true) ?? stored.contacts.at(-1);

/** One page of the triage worklist: new contacts whose original referrer a duty worker must confirm. */
export async function triagePage(
  deps: Pick<AppDeps, "worklists" | "cases" | "profile" | "outbox">,
  continuation?: string,
): Promise<{ readonly items: readonly TriageEntry[]; readonly continuation?: string }> {
  const page = await casesOnPage(deps, "triage", continuation);
  const items = await Promise.all(
    page.cases.map(async (stored): Promise<TriageEntry | undefined> => {
      const contact = contactToTriage(stored);
      if (contact === undefined) return undefined;
      const acknowledgement = await acknowledgementOf(deps, stored, contact);
      return { stored, contact, reasons: reasonsOf(stored, contact), acknowledgement };
    }),
  );
  return {
    items: items.filter((i): i is TriageEntry => i !== undefined),
    ...(page.continuation ? { continuation: page.continuation } : {}),
  };
}
