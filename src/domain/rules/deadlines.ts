import type { Calendar } from "../calendar/calendar.js";
import type { Case } from "../case.js";
import type { CaseEvent } from "../case-events.js";
import type { ContactKind } from "../contact.js";
import { cite } from "./cite.js";
import { clockInstances, type ClockInstance } from "./clock-instances.js";
import { pendingDueAt, toDeadline, type Deadline } from "./deadline.js";
import type { ClockRule, Profile } from "./profile-schema.js";

export { isRunning, type Deadline, type DeadlineStatus, type DueInstant } from "./deadline.js";

function clockRules(profile: Profile, subject: ClockRule["subject"]): ClockRule[] {
  return profile.rules.filter((r): r is ClockRule => r.kind === "clock" && r.subject === subject);
}

function deadlinesOver(
  rules: readonly ClockRule[],
  events: readonly CaseEvent[],
  caseKind: ContactKind | undefined,
  profile: Profile,
  calendar: Calendar,
  now: Date,
  wanted: (clock: ClockInstance) => boolean = () => true,
): Deadline[] {
  return rules.flatMap((rule) => {
    const citation = cite(rule, profile);
    return clockInstances(rule, events, caseKind)
      .filter(wanted)
      .map((clock) => toDeadline(rule, citation, clock, profile, calendar, now));
  });
}

/** Every instance of every case clock of the profile, derived from the case's event log, as it stands at `now`. */
export function deadlines(kase: Case, profile: Profile, calendar: Calendar, now: Date): Deadline[] {
  return deadlinesOver(clockRules(profile, "case"), kase.events, kase.kind, profile, calendar, now);
}

/**
 * The case clocks still running at `now` (neither met nor cancelled): `deadlines` less its finished instances, without
 * computing their due instants, for lists that show only what is running.
 */
export function runningDeadlines(kase: Case, profile: Profile, calendar: Calendar, now: Date): Deadline[] {
  const running = (clock: ClockInstance) =>
    clock.stoppedAt === undefined && clock.cancelledAt === undefined && clock.endedAt === undefined;
  return deadlinesOver(clockRules(profile, "case"), kase.events, kase.kind, profile, calendar, now, running);
}

/**
 * The practitioner's own clocks (11.6 supervision), from the events of their log that name them
 * (`supervision.recorded` carries the practitioner id).
 */
export function practitionerDeadlines(
  practitionerId: string,
  events: readonly CaseEvent[],
  profile: Profile,
  calendar: Calendar,
  now: Date,
): Deadline[] {
  const own = events.filter((e) => "practitionerId" in e.data && e.data.practitionerId === practitionerId);
  return deadlinesOver(clockRules(profile, "practitioner"), own, undefined, profile, calendar, now);
}

/** The earliest instant at which any pending deadline falls due (the store's deadline index), if any. */
export function nextDue(all: readonly Deadline[]): string | undefined {
  return all
    .map(pendingDueAt)
    .filter((at): at is string => at !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
