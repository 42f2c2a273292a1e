import type { Calendar, LocalDate } from "../calendar/calendar.js";
import type { ClockInstance } from "./clock-instances.js";
import type { CitedSource } from "./cite.js";
import { dueAt } from "./due-at.js";
import type { ClockRule, Profile } from "./profile-schema.js";

export const DEADLINE_STATUSES = ["on-track", "due-soon", "overdue", "breached", "met", "cancelled"] as const;
/** overdue: past the expectation (nudge); breached: past the maximum (escalate to a manager). */
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** A due instant, in UTC for storage and as the London date people read. */
export interface DueInstant {
  /** UTC ISO-8601. */
  readonly at: string;
  readonly londonDate: LocalDate;
}

/** One instance of a clock rule on a case (or a practitioner), with why it is due and where it stands. */
export interface Deadline {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitedSource;
  /** 1-based; the store's `clock~<rule>~<n>`. */
  readonly instance: number;
  /** The `correlateBy` value (e.g. which contact a 1.2 acknowledgement is owed for). */
  readonly key?: string;
  readonly startedAt: string;
  /** Reported exactly as computed, even when it falls after the maximum (long holidays). */
  readonly expected?: DueInstant;
  readonly maximum?: DueInstant;
  readonly status: DeadlineStatus;
  readonly stoppedAt?: string;
  /** Met by the expectation, or by the maximum when the rule has no expectation. */
  readonly metOnTime?: boolean;
  /** Met by the maximum (only when the rule has one). */
  readonly withinMaximum?: boolean;
  /** Recorded reason for exceeding the clock. */
  readonly reason?: string;
  readonly cancelledAt?: string;
  /**
   * The case closed (or the rule's recurrence ended) with this clock unmet and already past its maximum: it stays
   * breached, and is no longer running.
   */
  readonly endedAt?: string;
}

function dueInstant(at: Date, calendar: Calendar): DueInstant {
  return { at: at.toISOString(), londonDate: calendar.localDate(at) };
}

const ms = (iso: string): number => Date.parse(iso);

/** The earlier of the two instants; over long holidays the maximum can fall before the expectation. */
function earliest(expected: DueInstant | undefined, maximum: DueInstant | undefined): string | undefined {
  return [expected, maximum]
    .filter((d): d is DueInstant => d !== undefined)
    .map((d) => d.at)
    .sort((a, b) => ms(a) - ms(b))[0];
}

function openStatus(
  expected: DueInstant | undefined,
  maximum: DueInstant | undefined,
  dueSoonBy: Date,
  now: Date,
): DeadlineStatus {
  const t = now.getTime();
  if (maximum !== undefined && t > ms(maximum.at)) return "breached";
  if (expected !== undefined && t > ms(expected.at)) return "overdue";
  // Neither instant has passed, so the next one due is the earlier of the two.
  const next = earliest(expected, maximum);
  return next !== undefined && ms(next) <= dueSoonBy.getTime() ? "due-soon" : "on-track";
}

/** Adds the rule's due instants and the status at `now` to an instance found in the log. */
export function toDeadline(
  rule: ClockRule,
  citation: CitedSource,
  clock: ClockInstance,
  profile: Profile,
  calendar: Calendar,
  now: Date,
): Deadline {
  const start = new Date(clock.startedAt);
  const expected = rule.expected && dueInstant(dueAt(start, rule.expected, calendar), calendar);
  const maximum = rule.maximum && dueInstant(dueAt(start, rule.maximum, calendar), calendar);
  const base = {
    ruleId: rule.id,
    ruleName: rule.name,
    citation,
    instance: clock.instance,
    ...(clock.key !== undefined && { key: clock.key }),
    startedAt: clock.startedAt,
    ...(expected && { expected }),
    ...(maximum && { maximum }),
    ...(clock.reason !== undefined && { reason: clock.reason }),
  };
  if (clock.stoppedAt !== undefined) {
    const stopped = ms(clock.stoppedAt);
    const onTimeBy = expected ?? maximum;
    return {
      ...base,
      status: "met",
      stoppedAt: clock.stoppedAt,
      ...(onTimeBy && { metOnTime: stopped <= ms(onTimeBy.at) }),
      ...(maximum && { withinMaximum: stopped <= ms(maximum.at) }),
    };
  }
  if (clock.cancelledAt !== undefined) return { ...base, status: "cancelled", cancelledAt: clock.cancelledAt };
  if (clock.endedAt !== undefined) {
    // Closing ends the duty: within its maximum (or its expectation, when it has no maximum) it is cancelled; past
    // it, the breach happened before the case closed and stays on the record.
    const limit = maximum ?? expected;
    return limit !== undefined && ms(clock.endedAt) > ms(limit.at)
      ? { ...base, status: "breached", endedAt: clock.endedAt }
      : { ...base, status: "cancelled", cancelledAt: clock.endedAt };
  }
  return { ...base, status: openStatus(expected, maximum, dueAt(now, profile.dueSoon, calendar), now) };
}

/** Whether the clock still runs: neither met nor cancelled, nor ended breached by the case closing. */
export const isRunning = (deadline: Deadline): boolean =>
  deadline.status !== "met" && deadline.status !== "cancelled" && deadline.endedAt === undefined;

/**
 * The next instant at which a pending deadline changes status: its expectation, then its maximum.
 * Undefined once met, cancelled or breached.
 */
export function pendingDueAt(deadline: Deadline): string | undefined {
  switch (deadline.status) {
    case "on-track":
    case "due-soon":
      return earliest(deadline.expected, deadline.maximum);
    case "overdue":
      return deadline.maximum?.at;
    default:
      return undefined;
  }
}
