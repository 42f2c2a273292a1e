import { systemActor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import type { Contact } from "../domain/contact.js";
import { CaseTransitionError } from "../domain/errors.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase } from "./change-case.js";

/**
 * Attaches a reply to the case it names (rule 1.3, no new acknowledgement). Returns undefined when there is no such
 * case or it can no longer take contacts, so that the caller logs the message as a new contact instead.
 */
export async function attachFollowUp(
  deps: AppDeps,
  caseReference: string,
  contactFor: (kase: Case) => Contact,
): Promise<Case | undefined> {
  const stored = await deps.cases.findCase(caseReference);
  if (stored === undefined) return undefined;
  const contact = contactFor(stored.case);
  if (stored.contacts.some((c) => c.id === contact.id)) return stored.case;
  try {
    const change = await changeCase(
      deps,
      stored.case.id,
      { actor: systemActor("mailbox-intake"), roles: [] },
      { type: "attachFollowUpContact", contactId: contact.id },
      { newContacts: [contact] },
    );
    return change.case;
  } catch (error) {
    if (error instanceof CaseTransitionError) return undefined;
    throw error;
  }
}
