import type { LocalDate } from "../domain/calendar/calendar.js";
import { cite } from "../domain/rules/cite.js";
import type { ClockRule, Profile } from "../domain/rules/profile-schema.js";
import { DUTY_CONVERSATION } from "../ports/teams.js";
import { type DeadlineEntry } from "../ports/indexes.js";
import { type NewOutboxItem } from "../ports/outbox.js";
import { practitionerOfSubject } from "../app/supervision/supervision-log.js";
import { NOTICES_PARTITION } from "./job-deps.js";

/** Where a running clock stands at `now`, from its index entries. */
export type NudgeStatus = "due-soon" | "overdue" | "breached";

/** One running clock instance, as the deadline index gave it (both thresholds when both fell in the window). */
export interface DueClock {
  readonly caseId: string;
  readonly ruleId: string;
  readonly instance: number;
  readonly workerId?: string;
  readonly expected?: string;
  readonly maximum?: string;
  readonly status: NudgeStatus;
}

export const userConversation = (staffId: string): string => `user~${staffId}`;

/** The weekly-contact clock of the Pre-Allocation List (3.3): whichever clock the duty worker's contact stops. */
const isPreAllocationContact = (rule: ClockRule): boolean =>
  rule.stop.some((m) => m.event === "pre-allocation.contact-recorded");

function statusAt(expected: string | undefined, maximum: string | undefined, now: Date): NudgeStatus {
  const t = now.getTime();
  if (maximum !== undefined && t > Date.parse(maximum)) return "breached";
  if (expected !== undefined && t > Date.parse(expected)) return "overdue";
  return "due-soon";
}

/** Groups index entries (one per threshold) into clock instances with their status at `now`. */
export function dueClocks(entries: readonly DeadlineEntry[], now: Date): DueClock[] {
  const grouped = new Map<string, { base: DeadlineEntry; expected?: string; maximum?: string }>();
  for (const entry of entries) {
    const id = `${entry.caseId}~${entry.rule}~${entry.instance}`;
    const group = grouped.get(id) ?? { base: entry };
    group[entry.threshold] = entry.dueAt;
    grouped.set(id, group);
  }
  return [...grouped.values()].map(({ base, expected, maximum }) => ({
    caseId: base.caseId,
    ruleId: base.rule,
    instance: base.instance,
    ...(base.workerId === undefined ? {} : { workerId: base.workerId }),
    ...(expected === undefined ? {} : { expected }),
    ...(maximum === undefined ? {} : { maximum }),
    status: statusAt(expected, maximum, now),
  }));
}

/** A practitioner's own clock (11.6 supervision), not a case's: it concerns them and their manager alike. */
const isPractitionerClock = (clock: DueClock): boolean => practitionerOfSubject(clock.caseId) !== undefined;

/** Whose managers the plan needs: practitioners holding a clock past its maximum, or a supervision coming due. */
export const practitionersToEscalate = (clocks: readonly DueClock[]): string[] => [
  ...new Set(
    clocks
      .filter((c) => c.status === "breached" || isPractitionerClock(c))
      .flatMap((c) => (c.workerId === undefined ? [] : [c.workerId])),
  ),
];

export interface NudgePlanInput {
  readonly clocks: readonly DueClock[];
  readonly profile: Profile;
  /** Today in London: digests are one per person per day. */
  readonly date: LocalDate;
  /** Practitioner id → their manager's id, for the practitioners `practitionersToEscalate` named. */
  readonly managerOf: ReadonlyMap<string, string>;
}

/**
 * The Teams notices the clocks call for, each under a deterministic key so it is queued once however often the
 * job runs: a morning digest per person (`digest~<staff>~<date>`), a note when a clock is overdue
 * (`overdue~<case>~<rule>~<n>`), an escalation to the manager when a maximum is breached
 * (`escalate~<case>~<rule>~<n>`), and the duty worker's Pre-Allocation List reminder (`pal~<case>~<n>`).
 */
export function planNudges(input: NudgePlanInput): NewOutboxItem[] {
  const { clocks, profile, date, managerOf } = input;
  const rules = new Map(profile.rules.filter((r): r is ClockRule => r.kind === "clock").map((r) => [r.id, r]));
  const view = (c: DueClock) => {
    const rule = rules.get(c.ruleId);
    return {
      caseId: c.caseId,
      ruleId: c.ruleId,
      instance: c.instance,
      status: c.status,
      ...(rule === undefined ? {} : { ruleName: rule.name, citation: cite(rule, profile).display }),
      ...(c.expected === undefined ? {} : { expected: c.expected }),
      ...(c.maximum === undefined ? {} : { maximum: c.maximum }),
    };
  };
  const notice = (caseId: string, key: string, purpose: string, conversation: string, payload: object) =>
    ({ caseId, key, channel: "teams", purpose, payload: { conversation, ...payload } }) as const;

  const items: NewOutboxItem[] = [];
  const digests = new Map<string, DueClock[]>();
  for (const clock of clocks) {
    const rule = rules.get(clock.ruleId);
    const holder = clock.workerId === undefined ? DUTY_CONVERSATION : userConversation(clock.workerId);
    const tail = `${clock.caseId}~${clock.ruleId}~${clock.instance}`;
    if (isPractitionerClock(clock)) {
      // 11.6: the practitioner and their manager both hear of the supervision due; no reason is asked of a case.
      const manager = clock.workerId === undefined ? undefined : managerOf.get(clock.workerId);
      for (const to of [holder, ...(manager === undefined ? [] : [userConversation(manager)])]) {
        digests.set(to, [...(digests.get(to) ?? []), clock]);
      }
    } else if (rule !== undefined && isPreAllocationContact(rule)) {
      items.push(
        notice(clock.caseId, `pal~${clock.caseId}~${clock.instance}`, "pal-reminder", DUTY_CONVERSATION, view(clock)),
      );
    } else {
      digests.set(holder, [...(digests.get(holder) ?? []), clock]);
      if (clock.status !== "due-soon")
        items.push(notice(clock.caseId, `overdue~${tail}`, "overdue", holder, view(clock)));
    }
    if (clock.status === "breached") {
      const manager = clock.workerId === undefined ? undefined : managerOf.get(clock.workerId);
      // No practitioner or no manager on record: the duty chat hears of it rather than no one.
      const to = manager === undefined ? DUTY_CONVERSATION : userConversation(manager);
      items.push(notice(clock.caseId, `escalate~${tail}`, "escalation", to, view(clock)));
    }
  }
  for (const [conversation, held] of digests) {
    const who = conversation === DUTY_CONVERSATION ? DUTY_CONVERSATION : conversation.slice("user~".length);
    items.push(
      notice(NOTICES_PARTITION, `digest~${who}~${date}`, "digest", conversation, { date, clocks: held.map(view) }),
    );
  }
  return items;
}
