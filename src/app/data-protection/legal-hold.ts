import type { NewCaseEvent } from "../../domain/case-events.js";
import { append } from "../../domain/lifecycle/evolve.js";
import { onLegalHold } from "../../domain/privacy/retention.js";
import { isWriteRace } from "../../ports/errors.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";
import { reasonNeeded } from "./errors.js";

export interface LegalHoldChanged {
  readonly status: "placed" | "lifted" | "unchanged";
  readonly onHold: boolean;
  readonly etag: string;
}

const MAX_ATTEMPTS = 3;

/**
 * A manager places a case on legal hold (litigation, an inquiry, a complaint: kept past its retention period) or
 * lifts it, with a reason; an event on the case's log and an audit entry. Asking for what already holds changes
 * nothing.
 */
export async function setLegalHold(
  deps: Pick<AppDeps, "cases" | "audit" | "clock">,
  caller: StaffCaller,
  caseId: string,
  hold: boolean,
  reason: string,
  via: Door,
): Promise<LegalHoldChanged | Refused> {
  if (!caller.roles.includes("manager")) {
    return refused("DATA_PROTECTION.NOT_ALLOWED", "Only a manager can place or lift a legal hold.");
  }
  if (reason.trim() === "") return reasonNeeded();
  return refusalsAsValues(async (): Promise<LegalHoldChanged> => {
    for (let attempt = 1; ; attempt++) {
      const stored = await deps.cases.getCase(caseId);
      if (onLegalHold(stored.case) === hold) return { status: "unchanged", onHold: hold, etag: stored.etag };
      const event: NewCaseEvent = {
        type: hold ? "legal-hold.placed" : "legal-hold.lifted",
        at: deps.clock.now().toISOString(),
        by: caller.actor,
        data: { reason: reason.trim() },
      } as NewCaseEvent;
      const next = append(stored.case, [event]);
      try {
        const written = await deps.cases.append(caseId, stored.etag, next, next.events.slice(-1));
        await audit(deps, caller, hold ? "case.legal-hold-placed" : "case.legal-hold-lifted", caseId, via);
        return { status: hold ? "placed" : "lifted", onHold: hold, etag: written.etag };
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isWriteRace(error)) throw error;
      }
    }
  });
}
