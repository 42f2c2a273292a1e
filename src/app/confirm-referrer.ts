import type { Referrer } from "../domain/contact.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase, type CaseChange } from "./change-case.js";
import { letterKey } from "./mail-keys.js";
import { outcomeLetterKeys, type Decider } from "./record-decision.js";

export interface ReferrerConfirmed extends CaseChange {
  /** The held acknowledgement was released to the outbox. */
  readonly acknowledgementReleased: boolean;
  /** Outcome letters (2.2 / 3.1) that waited for someone to write to and were released. */
  readonly outcomeLettersReleased: number;
}

/**
 * A duty worker confirms (or corrects) who referred a contact in the first instance (1.2). The confirmation is an
 * audited case event; a held acknowledgement is released, and is then written to the confirmed person. So are
 * outcome letters held because the case had no confirmed referrer when screening or MAAM decided: without this
 * they would wait for ever and 2.2 / 3.1 would be missed.
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
  const acknowledgementReleased = await release(deps, caseId, letterKey(caseId, "acknowledgement", contactId));
  let outcomeLettersReleased = 0;
  for (const key of outcomeLetterKeys(change.case)) {
    if (await release(deps, caseId, key)) outcomeLettersReleased++;
  }
  return { ...change, acknowledgementReleased, outcomeLettersReleased };
}

async function release(deps: AppDeps, caseId: string, key: string): Promise<boolean> {
  const held = await deps.outbox.get(caseId, key);
  if (held?.state !== "held") return false;
  await deps.outbox.transition(held, { to: "pending" }, deps.clock.now());
  return true;
}
