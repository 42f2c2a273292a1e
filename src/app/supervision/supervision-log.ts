import type { CaseEvent } from "../../domain/case-events.js";
import { practitionerDeadlines, type Deadline } from "../../domain/rules/deadlines.js";
import type { DeadlineEntry } from "../../ports/indexes.js";
import type { AppDeps } from "../app-deps.js";
import { indexEntries } from "../reindex-case.js";

/**
 * Where a practitioner's own clocks (11.6) sit in the deadline index beside the cases': a key no case reference can
 * take, so the nudge job finds them in the same month scan.
 */
export const SUPERVISION_SUBJECT = "supervision~";
export const supervisionSubject = (practitionerId: string): string => `${SUPERVISION_SUBJECT}${practitionerId}`;
export const practitionerOfSubject = (subjectId: string): string | undefined =>
  subjectId.startsWith(SUPERVISION_SUBJECT) ? subjectId.slice(SUPERVISION_SUBJECT.length) : undefined;

type LogDeps = Pick<AppDeps, "supervisions" | "profile" | "calendar" | "clock">;

export async function supervisionsOf(
  deps: Pick<AppDeps, "supervisions">,
  practitionerId: string,
): Promise<readonly CaseEvent<"supervision.recorded">[]> {
  return (await deps.supervisions.get(practitionerId))?.value.events ?? [];
}

/** A practitioner's own clocks as they stand now (11.6: the next supervision, within 4 weeks of the last). */
export async function supervisionClocks(deps: LogDeps, practitionerId: string): Promise<Deadline[]> {
  const events = await supervisionsOf(deps, practitionerId);
  return practitionerDeadlines(practitionerId, events, deps.profile, deps.calendar, deps.clock.now());
}

/** The deadline index's rows for a practitioner's own clocks, as their log stands at `now`. */
export function supervisionEntries(
  deps: Pick<AppDeps, "profile" | "calendar">,
  practitionerId: string,
  events: readonly CaseEvent<"supervision.recorded">[],
  now: Date,
): DeadlineEntry[] {
  const subject = supervisionSubject(practitionerId);
  return indexEntries(
    subject,
    practitionerDeadlines(practitionerId, events, deps.profile, deps.calendar, now),
    practitionerId,
  );
}
