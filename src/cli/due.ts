import type { Calendar } from "../domain/calendar/calendar.js";
import { cite } from "../domain/rules/cite.js";
import type { DueInstant } from "../domain/rules/deadline.js";
import { dueAt } from "../domain/rules/due-at.js";
import type { Timescale } from "../domain/rules/timescale.js";
import { CALENDAR_OPTIONS, CALENDAR_USAGE, calendarFor, type ReadFile } from "./calendar-options.js";
import { CliUsageError } from "./errors.js";
import { parseInstant } from "./instant.js";
import { parseOptions, required } from "./options.js";
import { profileOption } from "./profile-option.js";

export const DUE_USAGE = `fc due --rule <id> --at <ISO-8601 instant> [--profile <name>] ${CALENDAR_USAGE}`;

/**
 * `fc due`: when a clock rule started at `--at` is expected and at the latest due, as one line of JSON.
 * Day-based rules are due at the last instant of a London day; hour-based ones at the exact instant.
 */
export function due(args: readonly string[], readFile: ReadFile): string {
  const options = parseOptions(
    args,
    { rule: { type: "string" }, at: { type: "string" }, profile: { type: "string" }, ...CALENDAR_OPTIONS },
    DUE_USAGE,
  );
  const ruleId = required(options.rule, "--rule", DUE_USAGE);
  const start = parseInstant(required(options.at, "--at", DUE_USAGE), "--at");
  const profile = profileOption(options.profile);

  const rule = profile.rules.find((r) => r.id === ruleId);
  if (rule === undefined) {
    throw new CliUsageError(
      `Profile "${profile.id}" has no rule "${ruleId}". Its rules: ${profile.rules.map((r) => r.id).join(", ")}.`,
    );
  }
  if (rule.kind !== "clock") {
    const clocks = profile.rules.filter((r) => r.kind === "clock").map((r) => r.id);
    throw new CliUsageError(
      `Rule ${rule.id} (${rule.name}) is a ${rule.kind} rule, not a clock, so it has no due date. ` +
        `Rules with due dates: ${clocks.join(", ")}.`,
    );
  }

  // Wide enough for every timescale a profile sets (months at most) to end inside a year with bank holidays.
  const year = start.getUTCFullYear();
  const { calendar } = calendarFor(options, { from: year - 1, to: year + 2 }, readFile);
  const dueBy = (timescale: Timescale | undefined): DueInstant | null =>
    timescale ? instant(dueAt(start, timescale, calendar), calendar) : null;

  const answer = {
    profile: profile.id,
    rule: rule.id,
    start: start.toISOString(),
    expected: dueBy(rule.expected),
    maximum: dueBy(rule.maximum),
    citation: cite(rule, profile).display,
  };
  return `${JSON.stringify(answer)}\n`;
}

const instant = (at: Date, calendar: Calendar): DueInstant => ({
  at: at.toISOString(),
  londonDate: calendar.localDate(at),
});
