import { checksAtClosure, evaluatedChecks, type EvaluatedCheck } from "../../domain/rules/check-stages.js";
import type { Deadline } from "../../domain/rules/deadlines.js";
import { worstRag, type Rag } from "../../domain/rules/urgency.js";
import { caseWarnings, type RaisedWarning } from "../../domain/rules/warnings.js";
import type { StoredCase } from "../../ports/cases.js";
import type { OutboxItem } from "../../ports/outbox.js";
import type { AppDeps } from "../app-deps.js";
import { letterKey } from "../mail-keys.js";
import { outcomeLetterKeys } from "../record-decision.js";
import { clocksNow } from "./clocks-now.js";

/** One case in full: its audit trail and contacts, every clock (running, met, cancelled) and every letter. */
export interface CaseDetailReading {
  readonly stored: StoredCase;
  readonly clocks: readonly Deadline[];
  readonly rag: Rag;
  /** The case's emails (acknowledgements per contact, outcome letters per decision), as the outbox holds them. */
  readonly letters: readonly OutboxItem[];
  /** Checks the log evidences, stage by stage: where the voice of the child (9) or oversight is missing. */
  readonly checks: readonly EvaluatedCheck[];
  /** What a closure requested now would meet (the closure checklist shows it); none once the case has closed. */
  readonly closureChecks: readonly EvaluatedCheck[];
  /** What the profile's warning rules raised on the case (4.2 a visit late in the day). */
  readonly warnings: readonly RaisedWarning[];
}

/** Every letter the case may have queued, by its deterministic key (point reads, no scan). */
async function lettersOf(deps: Pick<AppDeps, "outbox">, stored: StoredCase): Promise<OutboxItem[]> {
  const id = stored.case.id;
  const keys = [
    ...stored.contacts.map((c) => letterKey(id, "acknowledgement", c.id)),
    ...outcomeLetterKeys(stored.case),
  ];
  const items = await Promise.all(keys.map((key) => deps.outbox.get(id, key)));
  return items.filter((i): i is OutboxItem => i !== undefined && i.channel === "email");
}

export async function caseDetailOf(
  deps: Pick<AppDeps, "cases" | "outbox" | "profile" | "calendar" | "clock">,
  caseId: string,
): Promise<CaseDetailReading | undefined> {
  const stored = await deps.cases.findCase(caseId);
  if (stored === undefined) return undefined;
  const now = clocksNow(deps);
  const clocks = now.all(stored.case);
  const kase = stored.case;
  return {
    stored,
    clocks,
    rag: worstRag(clocks),
    letters: await lettersOf(deps, stored),
    checks: evaluatedChecks(kase, deps.profile),
    closureChecks: kase.state === "closed" ? [] : checksAtClosure(kase, deps.profile, now.now),
    warnings: caseWarnings(kase, deps.profile, deps.calendar),
  };
}
