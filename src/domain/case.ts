import type { CaseEvent } from "./case-events.js";
import type { ContactKind, Referrer } from "./contact.js";

/** Where a case is on its path through the front door and casework (see lifecycle.ts). */
export const CASE_STATES = [
  "awaiting-consent",
  "awaiting-front-door-decision",
  "awaiting-screening",
  "awaiting-maam",
  "awaiting-transfer-panel",
  "pre-allocation",
  "awaiting-allocation",
  "allocated",
  "escalated",
  "wraparound",
  "closure-requested",
  "closed",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** A family's case: its current state plus the event log every clock is derived from. */
export interface Case {
  /** `FC-2026-000123` */
  readonly id: string;
  readonly profileId: string;
  readonly state: CaseState;
  /** Kind of the contact that opened the case; rules such as 1.2 and 2.2 exclude DARTs by it. */
  readonly kind: ContactKind;
  /** UTC ISO-8601 instant the first contact was received. */
  readonly openedAt: string;
  readonly referrer?: Referrer;
  /** Staff id of the lead worker; a case is never without one once allocated (seed 000). */
  readonly leadWorkerId?: string;
  readonly wraparoundWorkerId?: string;
  /** Non-identifying title for shared chats (e.g. "EHA · 2 children"); names live only in `family`. */
  readonly summary?: string;
  readonly family?: { readonly name?: string; readonly children?: readonly string[] };
  readonly closedAt?: string;
  /** Bexley: the Front Door/MASH decides before screening (the profile's `features.frontDoorDecision` at opening). */
  readonly frontDoor?: boolean;
  /** 11.5: a manager flagged it among the team's most intensive or high-risk cases; every list shows it. */
  readonly highRisk?: boolean;
  readonly events: readonly CaseEvent[];
}
