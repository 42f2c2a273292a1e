import type { Calendar } from "../calendar/calendar.js";
import type { Case } from "../case.js";
import { cite, type CitedSource } from "./cite.js";
import type { DueInstant } from "./deadline.js";
import { dueAt } from "./due-at.js";
import { matchesAnyEvent } from "./event-matcher.js";
import type { Profile, Rule } from "./profile-schema.js";
import type { Timescale } from "./timescale.js";

type MilestoneRule = Extract<Rule, { kind: "milestones" }>;

/** A point in an open case's life that reports prioritise (11.4: open 3, 6, 9, 12 months). */
export interface LongOpenMilestone {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitedSource;
  /** The instant of the event the milestones count from (the first one matching the rule's `from`). */
  readonly from: string;
  readonly after: Timescale;
  readonly at: DueInstant;
  /** Whether `at` has passed by `now`. */
  readonly reached: boolean;
}

/**
 * Every milestone of every milestones rule for an open case, in rule then timescale order.
 * A closed case is not long-open, so it has none.
 */
export function longOpenMilestones(kase: Case, profile: Profile, calendar: Calendar, now: Date): LongOpenMilestone[] {
  if (kase.state === "closed") return [];
  const ordered = [...kase.events].sort((a, b) => a.seq - b.seq);
  const rules = profile.rules.filter((r): r is MilestoneRule => r.kind === "milestones");
  return rules.flatMap((rule) => {
    const from = ordered.find((e) => matchesAnyEvent(rule.from, e));
    if (from === undefined) return [];
    const citation = cite(rule, profile);
    return rule.at.map((after) => {
      const at = dueAt(new Date(from.at), after, calendar);
      return {
        ruleId: rule.id,
        ruleName: rule.name,
        citation,
        from: from.at,
        after,
        at: { at: at.toISOString(), londonDate: calendar.localDate(at) },
        reached: now.getTime() > at.getTime(),
      };
    });
  });
}
