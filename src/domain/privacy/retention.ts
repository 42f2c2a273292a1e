import type { Case } from "../case.js";
import type { CaseEvent } from "../case-events.js";

/**
 * The retention schedule: how long after closure each kind of closed case is kept, and how long after it came the
 * mail the service set aside (ignored or quarantined, never a case) stays listed, in months, as the council sets
 * it in Settings. The defaults below are placeholders so the service runs, not advice: the council takes its
 * periods from its own retention schedule (the IRMS Retention Guidelines for Local Authorities).
 */
export const RETENTION_OUTCOMES = [
  "closed-at-screening",
  "closed-after-maam",
  "closed-after-casework",
  "not-a-contact",
  "ignored-mail",
] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];
export type RetentionSchedule = Readonly<Record<RetentionOutcome, number>>;

/** Placeholders, not advice (see the README's Data protection section). */
export const PLACEHOLDER_RETENTION_MONTHS: RetentionSchedule = {
  "closed-at-screening": 24,
  "closed-after-maam": 36,
  "closed-after-casework": 72,
  "not-a-contact": 3,
  "ignored-mail": 3,
};

export const MAX_RETENTION_MONTHS = 100 * 12;

const has = (kase: Case, type: CaseEvent["type"]): boolean => kase.events.some((e) => e.type === type);

/** Whether a message set aside at `receivedAt` is past the schedule's period for ignored mail at `now`. */
export const setAsideMailDue = (receivedAt: string, schedule: RetentionSchedule, now: Date): boolean =>
  now.getTime() >= monthsAfter(receivedAt, schedule["ignored-mail"]).getTime();

/** What a closed case's path was, for its retention period; undefined while it is open. */
export function retentionOutcomeOf(kase: Case): Exclude<RetentionOutcome, "ignored-mail"> | undefined {
  if (kase.state !== "closed") return undefined;
  if (has(kase, "case.marked-not-a-contact") || has(kase, "case.linked")) return "not-a-contact";
  if (has(kase, "case.allocated")) return "closed-after-casework";
  if (has(kase, "maam.decided")) return "closed-after-maam";
  return "closed-at-screening";
}

/** On legal hold: the last hold event placed one (a manager's, with a reason); it stops the case's deletion. */
export function onLegalHold(kase: Pick<Case, "events">): boolean {
  const last = kase.events.findLast((e) => e.type === "legal-hold.placed" || e.type === "legal-hold.lifted");
  return last?.type === "legal-hold.placed";
}

/** `months` calendar months after an instant (the day clamped to the month's end: 31 Jan + 1 month = 28/29 Feb). */
export function monthsAfter(instant: string, months: number): Date {
  const at = new Date(instant);
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  target.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return target;
}

export type RetentionVerdict =
  | { readonly verdict: "open" }
  | { readonly verdict: "kept"; readonly outcome: RetentionOutcome; readonly deleteFrom: string }
  | { readonly verdict: "held"; readonly outcome: RetentionOutcome; readonly deleteFrom: string }
  | { readonly verdict: "due"; readonly outcome: RetentionOutcome; readonly deleteFrom: string };

/** Whether a case is due for deletion at `now` under the schedule: closed, past its period and not on hold. */
export function retentionVerdict(kase: Case, schedule: RetentionSchedule, now: Date): RetentionVerdict {
  const outcome = retentionOutcomeOf(kase);
  const closedAt = kase.closedAt ?? kase.events.at(-1)?.at;
  if (outcome === undefined || closedAt === undefined) return { verdict: "open" };
  const deleteFrom = monthsAfter(closedAt, schedule[outcome]).toISOString();
  if (now.getTime() < Date.parse(deleteFrom)) return { verdict: "kept", outcome, deleteFrom };
  return { verdict: onLegalHold(kase) ? "held" : "due", outcome, deleteFrom };
}
