import { pendingDueAt, type Deadline, type DeadlineStatus } from "../../../src/domain/policy/deadline.js";

const URGENCY: Record<DeadlineStatus, number> = {
  breached: 0,
  overdue: 1,
  "due-soon": 2,
  "on-track": 3,
  met: 4,
  cancelled: 4,
};

/** The clock that needs attention first: the worst status, then the soonest next due instant. */
export function compareDeadlines(a: Deadline | undefined, b: Deadline | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  const byStatus = URGENCY[a.status] - URGENCY[b.status];
  if (byStatus !== 0) return byStatus;
  const at = (d: Deadline): number => Date.parse(pendingDueAt(d) ?? d.maximum?.at ?? d.expected?.at ?? d.startedAt);
  return at(a) - at(b);
}

/** The most urgent running clock of a case, if any. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return [...deadlines].filter((d) => URGENCY[d.status] < URGENCY.met).sort(compareDeadlines)[0];
}
