import type { Actor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import type { Contact } from "../domain/contact.js";
import { append, decide, type CaseCommand } from "../domain/lifecycle/index.js";
import type { StaffRole } from "../domain/staff.js";
import type { StoredCase } from "../ports/cases.js";
import { ConcurrencyError } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";
import { reindexCase } from "./reindex-case.js";

const ATTEMPTS = 3;

export interface CaseChange {
  readonly case: Case;
  readonly events: readonly CaseEvent[];
}

/**
 * Loads a case, asks the lifecycle what the command means, and saves the case row and its new events in one
 * ETag-guarded transaction. On a conflict it reloads and decides again: if someone else's change made the command
 * no longer allowed (a second click on a decided item), the lifecycle's typed error says so.
 */
export async function changeCase(
  deps: Pick<AppDeps, "cases" | "worklists" | "deadlines" | "profile" | "calendar" | "clock">,
  caseId: string,
  who: { readonly actor: Actor; readonly roles: readonly StaffRole[] },
  command: CaseCommand,
  newContacts: readonly Contact[] = [],
  /** The case as the caller just read it, to save a read; a conflict reloads it like any other. */
  loaded?: StoredCase,
): Promise<CaseChange> {
  for (let attempt = 1; ; attempt++) {
    const stored = attempt === 1 && loaded !== undefined ? loaded : await deps.cases.getCase(caseId);
    const now = deps.clock.now();
    const proposed = decide(stored.case, command, { profile: deps.profile, ...who, now });
    const next = append(stored.case, proposed);
    const events = next.events.slice(stored.case.events.length);
    try {
      await deps.cases.append(caseId, stored.etag, next, events, newContacts);
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;
      throw error;
    }
    await reindexCase(deps, next, now);
    return { case: next, events };
  }
}
