import { pendingDueAt, type Deadline, type DeadlineStatus } from "./deadline.js";

/** red: overdue or past its maximum; amber: due soon; green: on track; none: no running clock. */
export type Rag = "red" | "amber" | "green" | "none";

const RAG_OF: Record<DeadlineStatus, Rag> = {
  breached: "red",
  overdue: "red",
  "due-soon": "amber",
  "on-track": "green",
  met: "none",
  cancelled: "none",
};
const RAG_ORDER: readonly Rag[] = ["red", "amber", "green", "none"];

const URGENCY: Record<DeadlineStatus, number> = {
  breached: 0,
  overdue: 1,
  "due-soon": 2,
  "on-track": 3,
  met: 4,
  cancelled: 4,
};

export const ragOf = (deadline: Pick<Deadline, "status">): Rag => RAG_OF[deadline.status];

/** The worst of the clocks' colours: one red clock makes the case red. */
export const worstRag = (deadlines: readonly Pick<Deadline, "status">[]): Rag =>
  RAG_ORDER.find((rag) => deadlines.some((d) => ragOf(d) === rag)) ?? "none";

/** Red first, then amber, green, none. */
export const compareRag = (a: Rag, b: Rag): number => RAG_ORDER.indexOf(a) - RAG_ORDER.indexOf(b);

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
