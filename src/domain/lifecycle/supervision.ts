import type { Actor } from "../actor.js";
import type { NewCaseEvent } from "../case-events.js";
import { InvalidSupervisionError, SupervisionForbiddenError } from "../errors.js";
import type { StaffRole } from "../staff.js";

export interface RecordSupervisionInput {
  readonly practitionerId: string;
  readonly actor: Actor;
  readonly roles: readonly StaffRole[];
  readonly now: Date;
  /** When the supervision took place, if earlier than now. */
  readonly occurredAt?: string;
}

/** Who records a practitioner's supervision (11.6): their manager. */
export const SUPERVISION_ROLES: readonly StaffRole[] = ["manager"];

/** 11.6: supervision belongs to the practitioner's own log, not a case's; its clock restarts at each one. */
export function recordSupervision(input: RecordSupervisionInput): NewCaseEvent<"supervision.recorded"> {
  if (!SUPERVISION_ROLES.some((role) => input.roles.includes(role))) {
    throw new SupervisionForbiddenError(input.practitionerId);
  }
  const recordedAt = input.now.toISOString();
  const occurred = input.occurredAt === undefined ? input.now : new Date(input.occurredAt);
  if (Number.isNaN(occurred.getTime()) || occurred.getTime() > input.now.getTime()) {
    throw new InvalidSupervisionError(input.practitionerId, String(input.occurredAt));
  }
  const at = occurred.toISOString();
  return {
    type: "supervision.recorded",
    at,
    ...(at !== recordedAt ? { recordedAt } : {}),
    by: input.actor,
    data: { practitionerId: input.practitionerId },
  };
}
