import type { Referrer } from "../domain/contact.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase, type CaseChange } from "./change-case.js";
import { letterKey } from "./mail-keys.js";
import type { Decider } from "./record-decision.js";

export interface ReferrerConfirmed extends CaseChange {
  /** The held acknowledgement was released to the outbox. */
  readonly acknowledgementReleased: boolean;
}

/**
 * A duty worker confirms (or corrects) who referred a contact in the first instance (1.2). The confirmation is an
 * audited case event; a held acknowledgement is released, and is then written to the confirmed person.
 */
export async function confirmReferrer(
  deps: AppDeps,
  caseId: string,
  contactId: string,
  who: Decider,
  referrer: Omit<Referrer, "confirmed">,
): Promise<ReferrerConfirmed> {
  const change = await changeCase(deps, caseId, who, {
    type: "confirmReferrer",
    contactId,
    referrer: { ...referrer, confirmed: true },
  });
  const held = await deps.outbox.get(caseId, letterKey(caseId, "acknowledgement", contactId));
  if (held?.state !== "held") return { ...change, acknowledgementReleased: false };
  await deps.outbox.transition(held, { to: "pending" }, deps.clock.now());
  return { ...change, acknowledgementReleased: true };
}
