import type { Actor } from "../actor.js";
import type { Case, CaseState } from "../case.js";
import type { CaseEvent, NewCaseEvent } from "../case-events.js";
import type { ContactKind, Referrer } from "../contact.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { Profile } from "../rules/profile-schema.js";
import type { StaffRole } from "../staff.js";
import { append } from "./evolve.js";

export interface OpenCaseInput {
  /** `FC-2026-000123`, issued by the caller's sequence. */
  readonly id: string;
  readonly contactId: string;
  readonly kind: ContactKind;
  /** UTC ISO-8601 instant the contact reached the Family Centre. */
  readonly receivedAt: string;
  readonly referrer?: Referrer;
  readonly actor: Actor;
  readonly profile: Profile;
  /** When it was logged, if later than it was received (a walk-in typed up afterwards). */
  readonly now?: Date;
  readonly outOfHours?: boolean;
}

/** Who logs a contact by hand (1.3: walk-ins and calls are entered by a person); the mailbox logs the rest. */
export const CONTACT_LOGGING_ROLES: readonly StaffRole[] = ["duty-worker", "manager"];

/**
 * Where a new case waits first: consent, then the Front Door (Bexley), then screening; a step-down (6.1) goes where the
 * profile sends it (allocation, or the transfer panel, which `openCase` requests), the front door only if it says so.
 */
function firstState(profile: Profile, kind: ContactKind): CaseState {
  if (kind === "step-down-from-social-care" && profile.features.stepDownsTo !== "front-door") {
    return "awaiting-allocation";
  }
  if (profile.features.consentRequired) return "awaiting-consent";
  if (profile.features.frontDoorDecision) return "awaiting-front-door-decision";
  return "awaiting-screening";
}

/** The case as it stands before its log, from which `replay` rebuilds it. */
export function caseSeed(input: OpenCaseInput): Case {
  const { id, profile, kind, receivedAt, referrer } = input;
  if (Number.isNaN(Date.parse(receivedAt))) {
    throw new InvalidCaseCommandError(
      id,
      `Case ${id}: "${receivedAt}" is not a time the contact could have been received.`,
    );
  }
  return {
    id,
    profileId: profile.id,
    state: firstState(profile, kind),
    kind,
    openedAt: new Date(receivedAt).toISOString(),
    ...(referrer ? { referrer } : {}),
    ...(profile.features.frontDoorDecision ? { frontDoor: true } : {}),
    events: [],
  };
}

/** A new case from a first contact: the seed plus its first events (contact received; for Bexley step-downs, the panel). */
export function openCase(input: OpenCaseInput): { case: Case; events: CaseEvent[] } {
  const seed = caseSeed(input);
  const at = seed.openedAt;
  const recordedAt = input.now?.toISOString();
  const stampOf = { at, ...(recordedAt && recordedAt !== at ? { recordedAt } : {}), by: input.actor };
  const first: NewCaseEvent[] = [
    {
      type: "contact.received",
      ...stampOf,
      data: {
        contactId: input.contactId,
        kind: input.kind,
        followUp: false,
        ...(input.outOfHours !== undefined ? { outOfHours: input.outOfHours } : {}),
      },
    },
  ];
  if (input.kind === "step-down-from-social-care" && input.profile.features.stepDownsTo === "transfer-panel") {
    first.push({ type: "transfer-panel.requested", ...stampOf, data: { direction: "to-early-help" } });
  }
  const opened = append(seed, first);
  return { case: opened, events: [...opened.events] };
}
