import type { Outcome, Profile } from "../rules/profile-schema.js";
import { InvalidCaseCommandError, UnknownOutcomeError } from "../errors.js";

/** Where a case goes after a decision. The profile says which outcomes are offered; this says what each does. */
export type OutcomeEffect =
  | "await-screening"
  | "await-maam"
  | "await-allocation"
  | "pre-allocation"
  | "escalate"
  | "wraparound"
  | "close"
  | "transfer"
  | "no-transfer";

export type DecisionPoint = "screening" | "maam" | "front-door" | "transfer-panel";

/** The lifecycle's one table of outcome behaviour, per decision point. */
const OUTCOME_EFFECTS: Record<DecisionPoint, Readonly<Record<string, OutcomeEffect>>> = {
  screening: {
    "step-down-early-help": "await-allocation",
    maam: "await-maam",
    signpost: "close",
    "no-further-action": "close",
    "escalate-social-care": "escalate",
    wraparound: "wraparound",
    // Bexley: the Family Wellbeing duty manager's review of what the Front Door sends.
    accept: "await-allocation",
  },
  maam: {
    allocate: "await-allocation",
    "pre-allocation-list": "pre-allocation",
    signpost: "close",
    "no-further-action": "close",
    "escalate-social-care": "escalate",
  },
  "front-door": {
    "family-wellbeing": "await-screening",
    signpost: "close",
    "escalate-social-care": "escalate",
  },
  "transfer-panel": {
    transfer: "transfer",
    "no-transfer": "no-transfer",
  },
};

const DECISION_NAMES: Record<DecisionPoint, string> = {
  screening: "screening",
  maam: "MAAM",
  "front-door": "the Front Door",
  "transfer-panel": "the transfer panel",
};

/** Panels are found by these ids in `profile.panels`; screening and Front Door outcomes sit on the profile itself. */
export function offeredOutcomes(profile: Profile, point: DecisionPoint): readonly Outcome[] {
  if (point === "screening") return profile.screeningOutcomes;
  if (point === "front-door") return profile.frontDoorOutcomes ?? [];
  return profile.panels.find((panel) => panel.id === point)?.outcomes ?? [];
}

/** What an outcome already in the log does (the profile vetted it when it was decided). */
export function effectOf(point: DecisionPoint, outcome: string): OutcomeEffect | undefined {
  return OUTCOME_EFFECTS[point][outcome];
}

export interface ResolvedOutcome {
  readonly outcome: Outcome;
  readonly effect: OutcomeEffect;
}

/** The outcome as the profile offers it and what it does; a decision the profile does not offer is an error. */
export function resolveOutcome(
  caseId: string,
  profile: Profile,
  point: DecisionPoint,
  outcomeId: string,
  given: { note?: string; workerId?: string },
): ResolvedOutcome {
  const offered = offeredOutcomes(profile, point);
  const outcome = offered.find((o) => o.id === outcomeId);
  const effect = effectOf(point, outcomeId);
  const offeredIds = offered.map((o) => o.id);
  if (outcome === undefined) {
    const choices = offeredIds.length > 0 ? `Choose one of: ${offeredIds.join(", ")}.` : "It offers none here.";
    throw new UnknownOutcomeError(
      caseId,
      outcomeId,
      offeredIds,
      `"${outcomeId}" is not an outcome ${DECISION_NAMES[point]} can decide under the "${profile.id}" practice framework. ${choices}`,
    );
  }
  if (effect === undefined) {
    throw new UnknownOutcomeError(
      caseId,
      outcomeId,
      offeredIds,
      `The "${profile.id}" practice framework offers "${outcomeId}" at ${DECISION_NAMES[point]}, but the service does not know where that outcome takes a case. An administrator must correct the profile.`,
    );
  }
  if (outcome.needs.includes("note") && !given.note?.trim()) {
    throw new InvalidCaseCommandError(
      caseId,
      `The outcome "${outcome.label}" needs a note saying why. Add one and decide again.`,
    );
  }
  if (outcome.needs.includes("worker") && !given.workerId) {
    throw new InvalidCaseCommandError(
      caseId,
      `The outcome "${outcome.label}" needs the worker it is allocated to. Choose one and decide again.`,
    );
  }
  return { outcome, effect };
}
