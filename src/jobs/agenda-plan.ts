import { DateTime } from "luxon";
import type { Calendar, LocalDate, NonWorkingDay } from "../domain/calendar/calendar.js";
import type { Profile, ScheduleRule } from "../domain/rules/profile-schema.js";
import type { WorklistName } from "../domain/worklists.js";
import type { ConversationKey } from "../ports/teams.js";
import { invalidTimeOfDay } from "./errors.js";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A London clock time, `HH:mm`. */
export type TimeOfDay = string;

/** One meeting's agenda: which chat it goes to and which queue it lists. */
export interface AgendaSlot {
  /** `screening`, or the panel's id (`maam`, `transfer-panel`): also the outbox key's middle part. */
  readonly agenda: string;
  readonly conversation: ConversationKey;
  readonly worklist: WorklistName;
  readonly ruleId: string;
}

export type AgendaDecision =
  | {
      readonly due: true;
      readonly date: LocalDate;
      /** A weekly meeting held today because its usual day was not a working day: that day, and why. */
      readonly heldInsteadOf?: NonWorkingDay;
    }
  | { readonly due: false; readonly reason: "not-a-working-day" | "not-its-weekday" | "too-early" };

/** Parses `HH:mm` once, at start-up, so a typo in configuration stops the service with a clear message. */
export function parseTimeOfDay(what: string, value: TimeOfDay): { readonly hour: number; readonly minute: number } {
  const match = HH_MM.exec(value);
  if (match === null) throw invalidTimeOfDay(what, value);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The usual day of a weekly meeting that is held on `date` instead, if any: its latest weekday before `date`, when
 * that was not a working day, the profile holds such a meeting on the next working day, and `date` is that day.
 */
function heldInsteadOf(rule: ScheduleRule, calendar: Calendar, date: LocalDate, weekday: number) {
  if (rule.onNonWorkingDay !== "next-working-day" || rule.weekday === undefined) return undefined;
  const usual = calendar.addCalendarDays(date, -((weekday - rule.weekday + 7) % 7 || 7));
  const why = calendar.nonWorkingReason(usual);
  return why !== undefined && calendar.addWorkingDays(usual, 1) === date ? why : undefined;
}

/**
 * Whether a meeting's agenda is due at `now`: on a working day (a weekly meeting on its weekday), from the configured
 * London time onwards. A weekly meeting whose day is a bank holiday or closure day is held on the next working day
 * when its schedule says so (the decision says which day it stands in for, and why), else has no agenda that week.
 */
export function agendaDue(
  rule: ScheduleRule,
  at: { readonly hour: number; readonly minute: number },
  calendar: Calendar,
  now: Date,
): AgendaDecision {
  const date = calendar.localDate(now);
  if (!calendar.isWorkingDay(date)) return { due: false, reason: "not-a-working-day" };
  const local = DateTime.fromJSDate(now, { zone: calendar.timeZone });
  const moved = rule.every === "week" && local.weekday !== rule.weekday;
  const usual = moved ? heldInsteadOf(rule, calendar, date, local.weekday) : undefined;
  if (moved && usual === undefined) return { due: false, reason: "not-its-weekday" };
  const minutes = local.hour * 60 + local.minute;
  if (minutes < at.hour * 60 + at.minute) return { due: false, reason: "too-early" };
  return { due: true, date, ...(usual === undefined ? {} : { heldInsteadOf: usual }) };
}

export interface ScheduledAgenda {
  readonly slot: AgendaSlot;
  readonly rule: ScheduleRule;
}

/** Daily screening (its rule is the profile's working-day schedule) and each panel that meets on a schedule. */
export function agendaSlots(profile: Profile): ScheduledAgenda[] {
  const schedules = new Map(
    profile.rules.filter((r): r is ScheduleRule => r.kind === "schedule").map((r) => [r.id, r] as const),
  );
  const panelRuleIds = new Set(profile.panels.map((p) => p.scheduleRule));
  const screening = [...schedules.values()].filter((r) => r.every === "working-day" && !panelRuleIds.has(r.id));
  const slots: ScheduledAgenda[] = screening.map((rule) => ({
    rule,
    slot: { agenda: "screening", conversation: "screening", worklist: "awaiting-screening", ruleId: rule.id },
  }));
  for (const panel of profile.panels) {
    const rule = schedules.get(panel.scheduleRule);
    const worklist = PANEL_WORKLISTS[panel.id];
    if (rule === undefined || worklist === undefined) continue;
    slots.push({ rule, slot: { agenda: panel.id, conversation: panel.id, worklist, ruleId: rule.id } });
  }
  return slots;
}

/** The queue each panel decides on (the lifecycle puts cases there: worklists.ts). */
const PANEL_WORKLISTS: Readonly<Record<string, WorklistName>> = {
  maam: "maam",
  "transfer-panel": "transfer-panel",
};

export const agendaKey = (agenda: string, date: LocalDate): string => `agenda~${agenda}~${date}`;
