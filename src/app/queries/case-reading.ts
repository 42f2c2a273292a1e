import { nextDue, type Deadline } from "../../domain/rules/deadlines.js";
import { compareRag, worstRag, type Rag } from "../../domain/rules/urgency.js";
import type { StoredCase } from "../../ports/cases.js";
import type { ClocksNow } from "./clocks-now.js";

/** A case as every list shows it, in the tab and on cards alike: its running clocks, its colour, what is next due. */
export interface CaseReading {
  readonly stored: StoredCase;
  readonly clocks: readonly Deadline[];
  readonly rag: Rag;
  /** The earliest instant any running clock changes status. */
  readonly nextDueAt?: string;
}

/** `clocks`: the running clocks when already computed for the case. */
export function readCase(stored: StoredCase, clocks: ClocksNow, running = clocks.running(stored.case)): CaseReading {
  const next = nextDue(running);
  return { stored, clocks: running, rag: worstRag(running), ...(next === undefined ? {} : { nextDueAt: next }) };
}

/** Red, amber, green, none; then the soonest due first: the one order of every case list. */
export function byUrgency(a: CaseReading, b: CaseReading): number {
  return compareRag(a.rag, b.rag) || (a.nextDueAt ?? "9999").localeCompare(b.nextDueAt ?? "9999");
}
