import type { Actor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import { clockRuleStoppedBy, ruleAppliesTo } from "../domain/letters/letter-dates.js";
import type { SentLetter } from "../domain/lifecycle/commands.js";
import type { Outcome } from "../domain/policy/profile-schema.js";
import type { StaffRole } from "../domain/staff.js";
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

/**
 * Records a screening (2.x) or MAAM (3.x) decision through the lifecycle, then queues the outcome letter to the
 * original referrer (2.2 / 3.1) when the profile has one for that outcome and the case kind gets letters.
 * The letter's outbox key names the decision event, so a retried click never queues a second letter.
 */
async function recordDecision(deps: AppDeps, panel: Panel, caseId: string, who: Decider, input: DecisionInput) {
  const spec = DECISION[panel];
  const change = await changeCase(deps, caseId, who, {
    type: spec.command,
    outcome: input.outcome,
    ...(input.note ? { note: input.note } : {}),
    ...(input.workerId ? { workerId: input.workerId } : {}),
  });
  const decided = change.events.find((e) => e.type === spec.event);
  const template = outcomesOf(deps, panel).find((o) => o.id === input.outcome)?.emailTemplate;
  const rule = clockRuleStoppedBy(deps.profile, `${spec.letter}.sent`);
  const letterDue = decided && template && rule && ruleAppliesTo(rule, change.case.kind);
  if (!letterDue) return { ...change, letterQueued: false };
  const payload: LetterPayload = { letter: spec.letter, template, decisionSeq: decided.seq };
  await deps.outbox.enqueue(
    {
      caseId,
      key: outcomeLetterKey(caseId, spec.letter, decided.seq),
      channel: "email",
      purpose: spec.letter,
      payload: { ...payload },
    },
    deps.clock.now(),
  );
  return { ...change, letterQueued: true };
}

export const recordScreeningDecision = (deps: AppDeps, caseId: string, who: Decider, input: DecisionInput) =>
  recordDecision(deps, "screening", caseId, who, input) as Promise<DecisionRecorded>;

export const recordMaamDecision = (deps: AppDeps, caseId: string, who: Decider, input: DecisionInput) =>
  recordDecision(deps, "maam", caseId, who, input) as Promise<DecisionRecorded>;
