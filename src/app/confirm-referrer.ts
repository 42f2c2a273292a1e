import type { CaseEvent } from "../domain/case-events.js";
import type { Referrer } from "../domain/contact.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase, type CaseChange, type ChangeDeps } from "./change-case.js";
import type { Decider } from "./decider.js";
import { letterKey } from "./mail-keys.js";
import { refusalsAsValues, type Refused } from "./outcome.js";
import { outcomeLetterKeys } from "./record-decision.js";

export type ReferrerConfirmation =
  | ({
      readonly status: "recorded";
      /** The held acknowledgement was released to the outbox. */
      readonly acknowledgementReleased: boolean;
      /** Outcome letters (2.2 / 3.1) that waited for someone to write to and were released. */
      readonly outcomeLettersReleased: number;
    } & CaseChange)
  /** The same person was already confirmed for this contact (a retried click): nothing new was recorded. */
  | { readonly status: "already-recorded"; readonly event: CaseEvent<"referrer.confirmed"> }
  | Refused;

const lastConfirmation = (events: readonly CaseEvent[], contactId: string) =>
  events.findLast(
    (e): e is CaseEvent<"referrer.confirmed"> => e.type === "referrer.confirmed" && e.data.contactId === contactId,
  );

/**
 * A duty worker confirms (or corrects) who referred a contact in the first instance (1.2). The confirmation is an
 * audited case event; a held acknowledgement is released, and is then written to the confirmed person. So are
 * outcome letters held because the case had no confirmed referrer when screening or MAAM decided: without this
 * they would wait for ever and 2.2 / 3.1 would be missed.
 */
export async function confirmReferrer(
  deps: ChangeDeps & Pick<AppDeps, "outbox">,
  caseId: string,
  contactId: string,
  who: Decider,
  referrer: Omit<Referrer, "confirmed">,
  request: { readonly expectedEtag?: string } = {},
): Promise<ReferrerConfirmation> {
  return refusalsAsValues(async (): Promise<ReferrerConfirmation> => {
    const stored = await deps.cases.getCase(caseId);
    const last = lastConfirmation(stored.case.events, contactId);
    if (last !== undefined && last.data.referrer.email === referrer.email)
      return { status: "already-recorded", event: last };
    const change = await changeCase(
      deps,
      caseId,
      who,
      { type: "confirmReferrer", contactId, referrer: { ...referrer, confirmed: true } },
      { loaded: stored, ...(request.expectedEtag === undefined ? {} : { expectedEtag: request.expectedEtag }) },
    );
    const acknowledgementReleased = await release(deps, caseId, letterKey(caseId, "acknowledgement", contactId));
    let outcomeLettersReleased = 0;
    for (const key of outcomeLetterKeys(change.case)) {
      if (await release(deps, caseId, key)) outcomeLettersReleased++;
    }
    return { status: "recorded", ...change, acknowledgementReleased, outcomeLettersReleased };
  });
}

async function release(deps: Pick<AppDeps, "outbox" | "clock">, caseId: string, key: string): Promise<boolean> {
  const held = await deps.outbox.get(caseId, key);
  if (held?.state !== "held") return false;
  await deps.outbox.transition(held, { to: "pending" }, deps.clock.now());
  return true;
}
