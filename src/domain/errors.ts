import type { CaseState } from "./case.js";

/**
 * Errors the case domain throws when a command cannot be carried out.
 * Each has a stable `code` (cards, the API and logs key on it) and a message a duty worker or manager can act on.
 * Messages name the case and its state, never a family member.
 */
export abstract class CaseError extends Error {
  abstract readonly code: string;
  constructor(
    readonly caseId: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command does not fit where the case is on its path. */
export class CaseTransitionError extends CaseError {
  readonly code = "CASE.TRANSITION_NOT_ALLOWED";
  constructor(
    caseId: string,
    readonly state: CaseState,
    message: string,
  ) {
    super(caseId, message);
  }
}

/** The person giving the command does not hold a role that may give it. */
export class CaseForbiddenError extends CaseError {
  readonly code = "CASE.FORBIDDEN";
  constructor(
    caseId: string,
    readonly allowedRoles: readonly string[],
    message: string,
  ) {
    super(caseId, message);
  }
}

/** A decision names an outcome the case's practice framework does not offer at that point. */
export class UnknownOutcomeError extends CaseError {
  readonly code = "CASE.UNKNOWN_OUTCOME";
  constructor(
    caseId: string,
    readonly outcome: string,
    readonly offered: readonly string[],
    message: string,
  ) {
    super(caseId, message);
  }
}

/** Closure was requested before the closure-ready checklist (rule 8.2) was complete. */
export class ClosureNotReadyError extends CaseError {
  readonly code = "CASE.CLOSURE_NOT_READY";
  constructor(
    caseId: string,
    /** Labels of the checklist items still outstanding, as the profile words them. */
    readonly missing: readonly string[],
  ) {
    super(caseId, `Case ${caseId} is not ready to close. Still outstanding: ${missing.join("; ")}.`);
  }
}

/** The case's profile has no closure-ready checklist, so no closure request can be judged against it. */
export class ClosureChecklistMissingError extends CaseError {
  readonly code = "CASE.CLOSURE_CHECKLIST_MISSING";
  constructor(caseId: string, profileId: string) {
    super(
      caseId,
      `Case ${caseId} cannot be put forward for closure: the "${profileId}" practice framework has no closure-ready checklist (rule 8.2, or a check rule on closure.requested alone). An administrator must add one to the profile.`,
    );
  }
}

/** Only a manager records a practitioner's supervision (rule 11.6). */
export class SupervisionForbiddenError extends Error {
  readonly code = "SUPERVISION.FORBIDDEN";
  constructor(readonly practitionerId: string) {
    super("Only a manager can record a supervision. Ask the practitioner's manager to record it.");
    this.name = "SupervisionForbiddenError";
  }
}

/** A supervision dated in the future or with a date the service cannot read. */
export class InvalidSupervisionError extends Error {
  readonly code = "SUPERVISION.INVALID";
  constructor(
    readonly practitionerId: string,
    occurredAt: string,
  ) {
    super(
      `"${occurredAt}" cannot be when the supervision took place: give a past date and time, e.g. 2027-01-15T10:00:00Z.`,
    );
    this.name = "InvalidSupervisionError";
  }
}

/** The command is missing something it needs or carries a value that cannot be right. */
export class InvalidCaseCommandError extends CaseError {
  readonly code = "CASE.INVALID_COMMAND";
}
