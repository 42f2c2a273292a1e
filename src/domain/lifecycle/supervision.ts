import type { Actor } from "../actor.js";
import type { NewCaseEvent } from "../case-events.js";
import { SupervisionForbiddenError } from "../errors.js";
import type { StaffRole } from "../staff.js";

export interface RecordSupervisionInput {
  readonly practitionerId: string;
  readonly actor: Actor;
  readonly roles: readonly StaffRole[];
  readonly now: Date;
  /** When the supervision took place, if earlier than now. */
  readonly occurredAt?: string;
}

/** 11.6: supervision belongs to the practitioner's own log, not a case's; its clock restarts at each one. */
export function recordSupervision(input: RecordSupervisionInput): NewCaseEvent<"supervision.recorded"> {
  if (!input.roles.includes("manager")) throw new SupervisionForbiddenError(input.practitionerId);
  const recordedAt = input.now.toISOString();
  const at = input.occurredAt === undefined ? recordedAt : new Date(input.occurredAt).toISOString();
  return {
    type: "supervision.recorded",
    at,
    ...(at !== recordedAt ? { recordedAt } : {}),
    by: input.actor,
    data: { practitionerId: input.practitionerId },
  };
}
