import { cite } from "../domain/rules/cite.js";
import type { Profile, Rule } from "../domain/rules/profile-schema.js";
import type { Timescale } from "../domain/rules/timescale.js";
import { describeTimescale } from "./describe-timescale.js";
import { parseOptions } from "./options.js";
import { profileOption } from "./profile-option.js";

export const RULES_USAGE = "fc rules [--profile <name>] [--json]";
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** One rule as the operator reads it: what it asks, by when, and where it is written. */
interface RuleSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: Rule["kind"];
  readonly expected: Timescale | null;
  readonly maximum: Timescale | null;
  /** How the rule repeats, when it does: "restarts when met", "every working day", "every week on Tuesday". */
  readonly recurrence: string | null;
  /** For rules that are not clocks: what they check, limit or mark. */
  readonly detail: string | null;
  readonly citation: string;
}

/** `fc rules`: every rule of a profile, as text for people or `--json` for scripts. */
export function rules(args: readonly string[]): string {
  const options = parseOptions(args, { profile: { type: "string" }, json: { type: "boolean" } }, RULES_USAGE);
  const profile = profileOption(options.profile);
  const summaries = profile.rules.map((rule) => summarise(rule, profile));
  if (options.json) return `${JSON.stringify(summaries)}\n`;
  const heading = `${profile.name} (profile ${profile.id}, version ${profile.version}): ${summaries.length} rules`;
  return `${[heading, ...summaries.map(asText)].join("\n\n")}\n`;
}

function summarise(rule: Rule, profile: Profile): RuleSummary {
  const base = { id: rule.id, name: rule.name, kind: rule.kind, citation: cite(rule, profile).display };
  switch (rule.kind) {
    case "clock":
      return {
        ...base,
        expected: rule.expected ?? null,
        maximum: rule.maximum ?? null,
        recurrence: rule.recurrence ? "restarts when met" : null,
        detail: rule.localPractice ? "timescale: local practice, not the document's (change it in Settings)" : null,
      };
    case "schedule":
      return {
        ...base,
        expected: null,
        maximum: null,
        recurrence: scheduleText(rule.every, rule.weekday),
        detail:
          rule.onNonWorkingDay === "next-working-day" ? "held on the next working day when its day is not one" : null,
      };
    case "limit":
      return { ...base, ...noClock, detail: `limits: ${limitsText(rule.limits)}` };
    case "warning":
      return { ...base, ...noClock, detail: `warns: ${rule.message}` };
    case "check":
      return { ...base, ...noClock, detail: `checks: ${rule.items.map((item) => item.label).join("; ")}` };
    case "milestones":
      return { ...base, ...noClock, detail: `marks: ${rule.at.map(describeTimescale).join(", ")}` };
  }
}

const noClock = { expected: null, maximum: null, recurrence: null } as const;

const scheduleText = (every: "working-day" | "week", weekday: number | undefined): string =>
  every === "working-day" ? "every working day" : `every week${weekday ? ` on ${WEEKDAYS[weekday - 1]}` : ""}`;

const limitsText = (limits: Record<string, number>): string =>
  Object.entries(limits)
    .map(([name, limit]) => `${name} ${limit}`)
    .join(", ");

function asText(rule: RuleSummary): string {
  const timing = [
    rule.expected && `expected: ${describeTimescale(rule.expected)}`,
    rule.maximum && `maximum: ${describeTimescale(rule.maximum)}`,
    rule.recurrence,
    rule.detail,
  ].filter((part): part is string => Boolean(part));
  return [`${rule.id}  ${rule.name} [${rule.kind}]`, ...timing.map((t) => `    ${t}`), `    ${rule.citation}`].join(
    "\n",
  );
}
