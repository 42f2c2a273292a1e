import type { Calendar, LocalDate } from "../calendar/calendar.js";
import { parseLocalDate } from "../calendar/local-date.js";
import type { CaseEventType } from "../case-events.js";
import { dueAt } from "../rules/due-at.js";
import type { ClockRule, Profile } from "../rules/profile-schema.js";

/** The clock rule that a given event stops (e.g. `acknowledgement.sent` stops 1.2), whatever its id in the profile. */
export function clockRuleStoppedBy(profile: Profile, event: CaseEventType): ClockRule | undefined {
  return profile.rules.find(
    (r): r is ClockRule => r.kind === "clock" && r.subject === "case" && r.stop.some((m) => m.event === event),
  );
}

/** Whether a clock rule runs for a case of this kind (e.g. 1.2 and 2.2 are not for DARTs). */
export function ruleAppliesTo(rule: ClockRule, caseKind: string): boolean {
  const only = rule.appliesTo?.caseKinds;
  const never = rule.appliesTo?.excludeCaseKinds;
  return (only === undefined || only.some((k) => k === caseKind)) && !(never ?? []).some((k) => k === caseKind);
}

/** The maximum where a rule has one (else its expectation): what we promise a referrer, so it is never broken. */
const promised = (rule: ClockRule) => rule.maximum ?? rule.expected;

/**
 * A date promised to a referrer is one the centre works, so the promise can be kept: the last working day on or
 * before the rule's due date (a maximum falling on New Year's Day is promised for 31 December).
 */
function promisedDay(calendar: Calendar, due: Date): LocalDate {
  let day = calendar.localDate(due);
  while (!calendar.isWorkingDay(day)) day = calendar.addCalendarDays(day, -1);
  return day;
}

/**
 * The date the acknowledgement promises the screening outcome by (1.2 "provide timescales"): a contact goes on the
 * next daily screening (2.1), and the outcome is sent within the screening-outcome rule (2.2) after it. The
 * screening day is a working day, so the working day promised is never before it.
 */
export function screeningOutcomeBy(profile: Profile, calendar: Calendar, receivedAt: Date): LocalDate | undefined {
  const outcomeRule = clockRuleStoppedBy(profile, "screening-outcome.sent");
  const timescale = outcomeRule && promised(outcomeRule);
  if (timescale === undefined) return undefined;
  const screeningDay = calendar.addWorkingDays(calendar.localDate(receivedAt), 1);
  return promisedDay(calendar, dueAt(calendar.startOfDay(screeningDay), timescale, calendar));
}

/** The latest working day the case will be presented at MAAM by (1.1), from when the contact was received. */
export function maamBy(profile: Profile, calendar: Calendar, receivedAt: Date): LocalDate | undefined {
  const rule = clockRuleStoppedBy(profile, "maam.decided");
  const timescale = rule && promised(rule);
  return timescale === undefined ? undefined : promisedDay(calendar, dueAt(receivedAt, timescale, calendar));
}

/**
 * "Friday 27 November 2026", as a letter says it. Built from named parts: Intl's whole-date pattern for en-GB
 * changes with the ICU version (newer ones write "Friday, 27 November 2026").
 */
export function longDate(date: LocalDate): string {
  return parseLocalDate(date, "The letter date").setLocale("en-GB").toFormat("cccc d LLLL yyyy");
}
