import type { Actor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import type { Contact } from "../domain/contact.js";
import { append, decide, type CaseCommand } from "../domain/lifecycle/index.js";
import type { StaffRole } from "../domain/staff.js";
import type { StoredCase } from "../ports/cases.js";
import { ConcurrencyError } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";
import { changedSinceRead } from "./errors.js";
import { projectLater } from "./project-cases.js";
import { reindexCase } from "./reindex-case.js";

const ATTEMPTS = 3;

export interface CaseChange {
  readonly case: Case;
  readonly events: readonly CaseEvent[];
  /** The case row's ETag after the change, for the person's next change. */
  readonly etag: string;
}

export interface ChangeOptions {
  readonly newContacts?: readonly Contact[];
  /** The case as the caller just read it, to save a read; a conflict reloads it like any other. */
  readonly loaded?: StoredCase;
  /** The ETag of the view the person acted on: a change made since refuses (`APP.CHANGED_SINCE_READ`). */
  readonly expectedEtag?: string;
  /**
   * A system change off anyone's screen (a letter recorded sent), or one its caller answers first and projects right
   * after (a decision on a card): its derived rows are left to the projector, so the change costs one write more
   * instead of a read and a write of each derived table.
   */
  readonly projectLater?: boolean;
}

export type ChangeDeps = Pick<
  AppDeps,
  "cases" | "worklists" | "deadlines" | "compliance" | "projections" | "profile" | "calendar" | "clock"
>;

/**
 * Loads a case, asks the lifecycle what the command means, and saves the case row and its new events in one
 * ETag-guarded transaction. On a conflict it reloads and decides again: if someone else's change made the command
 * no longer allowed (a second click on a decided item), the lifecycle's typed error says so. The use cases' own
 * engine: the bot and the API call the use cases named for what a person means, never this.
 */
export async function changeCase(
  deps: ChangeDeps,
  caseId: string,
  who: { readonly actor: Actor; readonly roles: readonly StaffRole[] },
  command: CaseCommand,
  options: ChangeOptions = {},
): Promise<CaseChange> {
  for (let attempt = 1; ; attempt++) {
    const stored = attempt === 1 && options.loaded !== undefined ? options.loaded : await deps.cases.getCase(caseId);
    if (attempt === 1 && options.expectedEtag !== undefined && stored.etag !== options.expectedEtag) {
      throw changedSinceRead(`Case ${caseId}`);
    }
    const now = deps.clock.now();
    const proposed = decide(stored.case, command, { profile: deps.profile, ...who, now });
    const next = append(stored.case, proposed);
    const events = next.events.slice(stored.case.events.length);
    let saved: StoredCase;
    try {
      saved = await deps.cases.append(caseId, stored.etag, next, events, options.newContacts ?? []);
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;
      throw error;
    }
    if (options.projectLater === true) await projectLater(deps, next, false);
    else await reindexCase(deps, next, now);
    return { case: next, events, etag: saved.etag };
  }
}
