import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import { CaseTransitionError } from "../domain/errors.js";
import { clockRuleStoppedBy, ruleAppliesTo } from "../domain/letters/letter-dates.js";
import { letterRecordedSent } from "../domain/letters/letter-sent.js";
import { pendingTransferDirection } from "../domain/lifecycle/case-facts.js";
import { offeredOutcomes, type DecisionPoint } from "../domain/lifecycle/outcomes.js";
import type { CaseCommand, SentLetter } from "../domain/lifecycle/commands.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase, type CaseChange, type ChangeDeps } from "./change-case.js";
import type { LetterPayload } from "./compose-letter.js";
import type { Decider } from "./decider.js";
import { letterKey } from "./mail-keys.js";
import { refusalsAsValues, type Refused } from "./outcome.js";
import { decisionMade, panelOf, type DecisionMade, type PanelId } from "./queries/panels.js";

export interface DecisionInput {
  readonly outcome: string;
  readonly note?: string;
  readonly workerId?: string;
}

/**
 * What became of a panel decision: recorded (with whether the referrer's outcome letter was queued: 2.2 / 3.1, never
 * for DARTs), already decided by someone (a second click, a Teams retry, a colleague first: nothing new recorded), or
 * refused (the role, where the case is, an outcome the panel does not offer).
 */
export type DecisionOutcome =
  | ({ readonly status: "recorded"; readonly letterQueued: boolean } & CaseChange)
  | { readonly status: "already-decided"; readonly case: Case; readonly decision: DecisionMade }
  | Refused;

type DecisionDeps = ChangeDeps & Pick<AppDeps, "outbox">;

/**
 * The letter to the referrer each decision may call for, and where its outcomes (and so their templates) are offered.
 * Bexley's Front Door-MASH writes the outcome letter too when it signposts or re-directs (seed 002 §2).
 */
const OUTCOME_LETTERS: Partial<Record<CaseEvent["type"], { letter: SentLetter; point: DecisionPoint }>> = {
  "screening.decided": { letter: "screening-outcome", point: "screening" },
  "maam.decided": { letter: "maam-outcome", point: "maam" },
  "front-door.decided": { letter: "screening-outcome", point: "front-door" },
};

const outcomeLetterKey = (caseId: string, letter: SentLetter, decisionSeq: number): string =>
  letterKey(caseId, letter, String(decisionSeq));

/** The outbox keys of every outcome letter (2.2 / 3.1) the case's decisions may have queued. */
export function outcomeLetterKeys(kase: Case): string[] {
  return kase.events.flatMap((event) => {
    const spec = OUTCOME_LETTERS[event.type];
    return spec ? [outcomeLetterKey(kase.id, spec.letter, event.seq)] : [];
  });
}

/** The outcome letter (2.2 / 3.1) a decision event calls for, if any: derived from the event alone. */
function outcomeLetterFor(deps: Pick<AppDeps, "profile">, kase: Case, event: CaseEvent) {
  const spec = OUTCOME_LETTERS[event.type];
  if (spec === undefined || !("outcome" in event.data)) return undefined;
  const { letter, point } = spec;
  const outcome = event.data.outcome;
  const template = offeredOutcomes(deps.profile, point).find((o) => o.id === outcome)?.emailTemplate;
  const rule = clockRuleStoppedBy(deps.profile, `${letter}.sent`);
  if (!template || !rule || !ruleAppliesTo(rule, kase.kind)) return undefined;
  const payload: LetterPayload = { letter, template, decisionSeq: event.seq };
  return { key: outcomeLetterKey(kase.id, letter, event.seq), purpose: letter, payload };
}

/**
 * Makes sure every decision on the case that calls for an outcome letter has it queued, unless it was sent. The
 * outbox key names the decision event and enqueue is insert-if-absent, so this is safe to run any number of times:
 * after each decision, on a retried decision, and from the nightly repair. Returns the keys of the letters due.
 */
export async function queueOutcomeLetters(deps: Pick<AppDeps, "profile" | "outbox" | "clock">, kase: Case) {
  const due: string[] = [];
  for (const event of kase.events) {
    const letter = outcomeLetterFor(deps, kase, event);
    if (letter === undefined) continue;
    if (!letterRecordedSent(kase, letter.key)) {
      await deps.outbox.enqueue(
        { caseId: kase.id, key: letter.key, channel: "email", purpose: letter.purpose, payload: { ...letter.payload } },
        deps.clock.now(),
      );
    }
    due.push(letter.key);
  }
  return due;
}

function commandFor(panel: PanelId, kase: Case, input: DecisionInput): CaseCommand {
  const extra = { ...(input.note ? { note: input.note } : {}) };
  if (panel === "transfer-panel") {
    const direction = pendingTransferDirection(kase) ?? "to-early-help";
    return { type: "recordTransferPanelDecision", outcome: input.outcome, direction, ...extra };
  }
  const type = panel === "screening" ? "recordScreeningDecision" : "recordMaamDecision";
  return { type, outcome: input.outcome, ...extra, ...(input.workerId ? { workerId: input.workerId } : {}) };
}

/** The panel's decision already on the case, if the case has moved past waiting for it. */
function alreadyDecided(deps: Pick<AppDeps, "profile">, panel: PanelId, kase: Case) {
  const spec = panelOf(deps.profile, panel);
  return spec === undefined || kase.state === spec.awaiting ? undefined : decisionMade(kase, deps.profile, panel);
}

/**
 * Records a panel's decision through the lifecycle, then queues the outcome letter to the original referrer when
 * the profile has one for that outcome and the case kind gets letters. The decision and its letter are two writes:
 * if the service stops between them, the retried click finds the decision made and first queues the letter it
 * calls for, so the letter is never lost and never doubled.
 */
async function recordPanelDecision(
  deps: DecisionDeps,
  panel: PanelId,
  caseId: string,
  who: Decider,
  input: DecisionInput,
  options: DecisionOptions,
): Promise<DecisionOutcome> {
  return refusalsAsValues(async (): Promise<DecisionOutcome> => {
    const settled = async (kase: Case) => {
      await queueOutcomeLetters(deps, kase);
      const decision = alreadyDecided(deps, panel, kase);
      return decision && { status: "already-decided" as const, case: kase, decision };
    };
    const stored = await deps.cases.getCase(caseId);
    const earlier = alreadyDecided(deps, panel, stored.case) && (await settled(stored.case));
    if (earlier) return earlier;
    let change: CaseChange;
    try {
      change = await changeCase(deps, caseId, who, commandFor(panel, stored.case, input), {
        loaded: stored,
        ...(options.expectedEtag === undefined ? {} : { expectedEtag: options.expectedEtag }),
        ...(options.projectLater === true ? { projectLater: true } : {}),
      });
    } catch (error) {
      // A colleague's decision landed between our read and our write: theirs stands, shown to this person.
      const raced = error instanceof CaseTransitionError && (await settled((await deps.cases.getCase(caseId)).case));
      if (raced) return raced;
      throw error;
    }
    const spec = panelOf(deps.profile, panel);
    const decided = change.events.find((e) => e.type === spec?.event);
    const due = await queueOutcomeLetters(deps, change.case);
    const letter = decided && OUTCOME_LETTERS[decided.type]?.letter;
    const letterQueued =
      decided !== undefined && letter !== undefined && due.includes(outcomeLetterKey(caseId, letter, decided.seq));
    return { status: "recorded", ...change, letterQueued };
  });
}

export interface DecisionOptions {
  /** The ETag of the view the person decided on: a change made since refuses. */
  readonly expectedEtag?: string;
  /**
   * The case's derived rows are left marked for projection (one write), for a caller that answers from the case in
   * hand and projects it right after (`projectMarked`); the mark keeps them from being lost if it never does.
   */
  readonly projectLater?: boolean;
}

type RecordDecision = (
  deps: DecisionDeps,
  caseId: string,
  who: Decider,
  input: DecisionInput,
  options?: DecisionOptions,
) => Promise<DecisionOutcome>;

/** 2.x: the daily screening's decision on a contact. */
export const recordScreeningDecision: RecordDecision = (deps, caseId, who, input, options = {}) =>
  recordPanelDecision(deps, "screening", caseId, who, input, options);

/** 3.x: the MAAM's decision on a case screening sent to it. */
export const recordMaamDecision: RecordDecision = (deps, caseId, who, input, options = {}) =>
  recordPanelDecision(deps, "maam", caseId, who, input, options);

/** Bexley's weekly transfer panel: its final decision on a move to or from Children's Social Care. */
export const recordTransferPanelDecision: RecordDecision = (deps, caseId, who, input, options = {}) =>
  recordPanelDecision(deps, "transfer-panel", caseId, who, input, options);

/** The use case of each panel, for doors that name the panel (the tab's agenda, the bot's agenda cards). */
export const RECORD_DECISION: Record<PanelId, RecordDecision> = {
  screening: recordScreeningDecision,
  maam: recordMaamDecision,
  "transfer-panel": recordTransferPanelDecision,
};
