import { systemActor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import { CaseTransitionError } from "../domain/errors.js";
import { triageDecisionOf, type CaseCommand, type TriageDecision } from "../domain/lifecycle/index.js";
import type { StoredCase } from "../ports/cases.js";
import type { AppDeps } from "./app-deps.js";
import { cancelUnsentLetter, type LetterCancellation } from "./cancel-unsent-letter.js";
import { changeCase } from "./change-case.js";
import { letterKey } from "./mail-keys.js";
import { refusalsAsValues, type Refused } from "./outcome.js";
import type { Decider } from "./decider.js";

export interface TriageDecided {
  /** `already-decided`: a second click, a Teams retry or a colleague got there first; nothing new was recorded. */
  readonly status: "recorded" | "already-decided";
  readonly case: Case;
  /** The decision on the log: what, by whom, when and why. */
  readonly decision: TriageDecision;
  /** What became of each contact's acknowledgement (1.2), by contact id. */
  readonly acknowledgements: Readonly<Record<string, LetterCancellation>>;
}

/** The contacts a case was opened for (its log names them; the contact rows may be elsewhere after a link). */
export const contactIdsOf = (kase: Case): string[] =>
  kase.events.flatMap((e) => (e.type === "contact.received" ? [e.data.contactId] : []));

/**
 * Records one triage decision on a case opened in error, once: a case that already has one answers with it
 * (`already-decided`), and so does a race lost to a colleague (the ETag conflict re-decides, the lifecycle refuses,
 * and the winner's decision is read back). Either way the decision's consequences are then made to hold, so a
 * retry after a crash part-way finishes what the first attempt started.
 */
export function decideTriage(
  deps: AppDeps,
  caseId: string,
  who: Decider,
  commandFor: (stored: StoredCase) => Promise<CaseCommand>,
): Promise<TriageDecided | Refused> {
  return refusalsAsValues(() => decideOnce(deps, caseId, who, commandFor));
}

async function decideOnce(
  deps: AppDeps,
  caseId: string,
  who: Decider,
  commandFor: (stored: StoredCase) => Promise<CaseCommand>,
): Promise<TriageDecided> {
  const stored = await deps.cases.getCase(caseId);
  const earlier = triageDecisionOf(stored.case);
  if (earlier !== undefined) return followThrough(deps, stored.case, earlier, "already-decided");
  try {
    const change = await changeCase(deps, caseId, who, await commandFor(stored));
    const decision = triageDecisionOf(change.case);
    if (decision === undefined) throw new Error(`Case ${caseId}: the triage decision was saved but is not on its log.`);
    return await followThrough(deps, change.case, decision, "recorded");
  } catch (error) {
    if (!(error instanceof CaseTransitionError)) throw error;
    const now = await deps.cases.getCase(caseId);
    const winner = triageDecisionOf(now.case);
    if (winner === undefined) throw error;
    return followThrough(deps, now.case, winner, "already-decided");
  }
}

const TRIAGE = systemActor("duty-triage");

/**
 * What a triage decision entails, derived from the decision event alone (so it is idempotent):
 * a linked contact is logged on the case it was about; no acknowledgement of the closed case goes out.
 */
async function followThrough(
  deps: AppDeps,
  kase: Case,
  decision: TriageDecision,
  status: TriageDecided["status"],
): Promise<TriageDecided> {
  const contactIds = decision.type === "case.linked" ? decision.data.contactIds : contactIdsOf(kase);
  if (decision.type === "case.linked") await logOnTarget(deps, kase.id, decision.data.toCaseId, contactIds);
  const why = decision.type === "case.linked" ? `linked to ${decision.data.toCaseId}` : "not a contact";
  const acknowledgements = await cancelAcknowledgements(deps, kase.id, contactIds, `at triage: case ${kase.id} ${why}`);
  deps.logger.info("triage.decided", { caseId: kase.id, decision: decision.type, status });
  return { status, case: kase, decision, acknowledgements };
}

/**
 * The acknowledgements (1.2) of a case closed before they went, by contact id: a case closed at triage or transferred
 * to another centre tells the referrer nothing more (a transfer's receiving centre writes to them itself).
 */
export async function cancelAcknowledgements(
  deps: Pick<AppDeps, "outbox" | "clock">,
  caseId: string,
  contactIds: readonly string[],
  why: string,
): Promise<Record<string, LetterCancellation>> {
  const acknowledgements: Record<string, LetterCancellation> = {};
  for (const contactId of contactIds) {
    acknowledgements[contactId] = await cancelUnsentLetter(deps, {
      caseId,
      key: letterKey(caseId, "acknowledgement", contactId),
      purpose: "acknowledgement",
      payload: { letter: "acknowledgement", contactId },
      reason: `cancelled ${why}`,
    });
  }
  return acknowledgements;
}

/** Each linked contact once on the case it was about, with its contact row (a follow-up there: no new 1.2). */
async function logOnTarget(deps: AppDeps, fromCaseId: string, toCaseId: string, contactIds: readonly string[]) {
  const from = await deps.cases.getCase(fromCaseId);
  for (const contactId of contactIds) {
    const target = await deps.cases.getCase(toCaseId);
    const logged = target.case.events.some((e) => e.type === "contact.linked" && e.data.contactId === contactId);
    if (logged) continue;
    const contact = from.contacts.find((c) => c.id === contactId);
    await changeCase(
      deps,
      toCaseId,
      { actor: TRIAGE, roles: [] },
      { type: "receiveLinkedContact", contactId, fromCaseId },
      { newContacts: contact ? [{ ...contact, caseId: toCaseId, isFollowUp: true }] : [] },
    );
  }
}
