import type { CaseEvent } from "../../domain/case-events.js";
import { recordSupervision as supervisionEvent } from "../../domain/lifecycle/index.js";
import { isWriteRace } from "../../ports/errors.js";
import type { AppDeps } from "../app-deps.js";
import type { Decider } from "../decider.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import { supervisionEntries, supervisionSubject } from "./supervision-log.js";

const ATTEMPTS = 3;

export type SupervisionOutcome =
  | { readonly status: "recorded"; readonly event: CaseEvent<"supervision.recorded"> }
  /** A supervision at that same time is on the practitioner's log already (a retried request). */
  | { readonly status: "already-recorded"; readonly event: CaseEvent<"supervision.recorded"> }
  | Refused;

type SupervisionDeps = Pick<AppDeps, "supervisions" | "staff" | "deadlines" | "profile" | "calendar" | "clock">;

/**
 * 11.6: a manager records a practitioner's supervision, on the practitioner's own log (not a case's); their clock
 * restarts from it, and its next due instant goes into the deadline index so the nudges reach them and their manager.
 */
export async function recordSupervision(
  deps: SupervisionDeps,
  practitionerId: string,
  who: Decider,
  input: { readonly occurredAt?: string } = {},
): Promise<SupervisionOutcome> {
  const member = (await deps.staff.get(practitionerId))?.value;
  if (!member?.roles.includes("practitioner")) {
    return refused("SUPERVISION.NOT_A_PRACTITIONER", `${practitionerId} is not a practitioner on the staff list.`);
  }
  return refusalsAsValues(async (): Promise<SupervisionOutcome> => {
    const now = deps.clock.now();
    const recorded = supervisionEvent({ practitionerId, actor: who.actor, roles: who.roles, now, ...input });
    for (let attempt = 1; ; attempt++) {
      const stored = await deps.supervisions.get(practitionerId);
      const events = stored?.value.events ?? [];
      const same = events.find((e) => e.at === recorded.at);
      if (same !== undefined) return { status: "already-recorded", event: same };
      const event = { ...recorded, seq: events.length + 1 };
      const next = [...events, event].sort((a, b) => a.at.localeCompare(b.at));
      try {
        await deps.supervisions.put(practitionerId, { events: next }, stored?.etag);
      } catch (error) {
        if (isWriteRace(error) && attempt < ATTEMPTS) continue;
        throw error;
      }
      const subject = supervisionSubject(practitionerId);
      await deps.deadlines.replaceForCase(subject, supervisionEntries(deps, practitionerId, next, now));
      return { status: "recorded", event };
    }
  });
}
