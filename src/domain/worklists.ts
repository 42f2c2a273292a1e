import type { Case, CaseState } from "./case.js";

/** The queues the service keeps: one per waiting state, one per practitioner, and triage. */
export type WorklistName =
  | "triage"
  | "awaiting-consent"
  | "front-door"
  | "awaiting-screening"
  | "maam"
  | "transfer-panel"
  | "pre-allocation"
  | "awaiting-allocation"
  | "closure-sign-off"
  | `worker~${string}`;

export const workerList = (staffId: string): WorklistName => `worker~${staffId}`;

/** Which queue a case waiting in each state sits on; states not listed wait on a worker, not a queue. */
const QUEUE_OF_STATE: Partial<Record<CaseState, WorklistName>> = {
  "awaiting-consent": "awaiting-consent",
  "awaiting-front-door-decision": "front-door",
  "awaiting-screening": "awaiting-screening",
  "awaiting-maam": "maam",
  "awaiting-transfer-panel": "transfer-panel",
  "pre-allocation": "pre-allocation",
  "awaiting-allocation": "awaiting-allocation",
  "closure-requested": "closure-sign-off",
};

export type WorklistCase = Pick<Case, "state" | "referrer" | "leadWorkerId" | "wraparoundWorkerId">;

/**
 * The lists a case belongs on, from its state and workers alone (so every list can be rebuilt from `Cases`).
 * A closed case is on none; an open case is on its lead's and wraparound worker's lists, and on triage
 * while its referrer is unconfirmed (the duty worker confirms on the triage card).
 */
export function worklistsFor(kase: WorklistCase): WorklistName[] {
  if (kase.state === "closed") return [];
  const lists = new Set<WorklistName>();
  if (kase.referrer !== undefined && !kase.referrer.confirmed) lists.add("triage");
  const queue = QUEUE_OF_STATE[kase.state];
  if (queue !== undefined) lists.add(queue);
  if (kase.leadWorkerId !== undefined) lists.add(workerList(kase.leadWorkerId));
  if (kase.wraparoundWorkerId !== undefined) lists.add(workerList(kase.wraparoundWorkerId));
  return [...lists];
}
