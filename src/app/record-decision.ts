import type { Actor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import { clockRuleStoppedBy, ruleAppliesTo } from "../domain/letters/letter-dates.js";
import { letterRecordedSent } from "../domain/letters/letter-sent.js";
import type { SentLetter } from "../domain/lifecycle/commands.js";
import type { Outcome } from "../domain/policy/profile-schema.js";
import type { StaffRole } from "../domain/staff.js";
import { CaseTransitionError } from "../domain/errors.js";
import type { AppDeps } from "./app-deps.js";
import { changeCase, type CaseChange } from "./change-case.js";
import type { LetterPayload } from "./compose-letter.js";
import { letterKey } from "./mail-keys.js";

export interface Decider {
  readonly actor: Actor;
  readonly roles: readonly StaffRole[];
}

export interface DecisionInput {
  readonly outcome: string;
  readonly note?: string;
  readonly workerId?: string;
}

export interface DecisionRecorded extends CaseChange {
  /** Whether an outcome letter to the referrer was queued (2.2 / 3.1; never for DARTs). */
  readonly letterQueued: boolean;
}

type Panel = "screening" | "maam";

const DECISION: Record<
  Panel,
  { command: "recordScreeningDecision" | "recordMaamDecision"; event: CaseEvent["type"]; letter: SentLetter }
> = {
  screening: { command: "recordScreeningDecision", event: "screening.decided", letter: "screening-outcome" },
  maam: { command: "recordMaamDecision", event: "maam.decided", letter: "maam-outcome" },
};

const outcomeLetterKey = (caseId: string, letter: SentLetter, decisionSeq: number): string =>
  letterKey(caseId, letter, String(decisionSeq));

/** The outbox keys of every outcome letter (2.2 / 3.1) the case's decisions may have queued. */
export function outcomeLetterKeys(kase: Case): string[] {
  return kase.events.flatMap((event) => {
    const spec = Object.values(DECISION).find((d) => d.event === event.type);
    return spec ? [outcomeLetterKey(kase.id, spec.letter, event.seq)] : [];
  });
}

function outcomesOf(deps: Pick<AppDeps, "profile">, panel: Panel): readonly Outcome[] {
  if (panel === "screening") return deps.profile.screeningOutcomes;
  return deps.profile.panels.find((p) => p.id === "maam")?.outcomes ?? [];
}

/** The outcome letter (2.2 / 3.1) a decision event calls for, if any: derived from the event alone. */
function outcomeLetterFor(deps: Pick<AppDeps, "profile">, kase: Case, event: CaseEvent) {
  const panel = (Object.keys(DECISION) as Panel[]).find((p) => DECISION[p].event === event.type);
  if (panel === undefined || !("outcome" in event.data)) return undefined;
  const spec = DECISION[panel];
  const outcome = event.data.outcome;
  const template = outcomesOf(deps, panel).find((o) => o.id === outcome)?.emailTemplate;
  const rule = clockRuleStoppedBy(deps.profile, `${spec.letter}.sent`);
  if (!template || !rule || !ruleAppliesTo(rule, kase.kind)) return undefined;
  const payload: LetterPayload = { letter: spec.letter, template, decisionSeq: event.seq };
  return { key: outcomeLetterKey(kase.id, spec.letter, event.seq), purpose: spec.letter, payload };
}

/**
 * Makes sure every decision on the case that calls for an outcome letter has it queued, unless it was sent. The
 * outbox key names the decision event and enqueue is insert-if-absent, so this is safe to run any number of times:
 * after each decision, on a retried decision, and from a reconcile round. Returns the keys of the letters due.
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

/**
 * Records a screening (2.x) or MAAM (3.x) decision through the lifecycle, then queues the outcome letter to the
 * original referrer (2.2 / 3.1) when the profile has one for that outcome and the case kind gets letters.
 * The decision and its letter are two writes: if the service stops between them, the retried click is refused
 * (the case has moved on) but first queues the letter the saved decision calls for, so the letter is never lost
 * and never doubled.
 */
async function recordDecision(deps: AppDeps, panel: Panel, caseId: string, who: Decider, input: DecisionInput) {
  const spec = DECISION[panel];
  let change: CaseChange;
  try {
    change = await changeCase(deps, caseId, who, {
      type: spec.command,
      outcome: input.outcome,
      ...(input.note ? { note: input.note } : {}),
      ...(input.workerId ? { workerId: input.workerId } : {}),
    });
  } catch (error) {
    if (error instanceof CaseTransitionError) await queueOutcomeLetters(deps, (await deps.cases.getCase(caseId)).case);
    throw error;
  }
  const decided = change.events.find((e) => e.type === spec.event);
  const due = await queueOutcomeLetters(deps, change.case);
  const letterQueued = decided !== undefined && due.includes(outcomeLetterKey(caseId, spec.letter, decided.seq));
  return { ...change, letterQueued };
}

export const recordScreeningDecision = (deps: AppDeps, caseId: string, who: Decider, input: DecisionInput) =>
  recordDecision(deps, "screening", caseId, who, input) as Promise<DecisionRecorded>;

export const recordMaamDecision = (deps: AppDeps, caseId: string, who: Decider, input: DecisionInput) =>
  recordDecision(deps, "maam", caseId, who, input) as Promise<DecisionRecorded>;
