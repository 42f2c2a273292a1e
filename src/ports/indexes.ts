import type { CaseState } from "../domain/case.js";
import type { ContactKind } from "../domain/contact.js";
import type { WorklistName } from "../domain/worklists.js";
import type { CaseHeader } from "./cases.js";

/**
 * The tables derived from the case rows (worklists, the deadline index, the compliance figures): kept in step with
 * each case as it changes and rebuildable from the cases, so every queue, nudge and report is a page or a range.
 */

/** The case row without its log, and for a worker's list the first due instant of each running clock. */
export type WorklistCase = CaseHeader & { readonly clockDues?: readonly string[] };

/** One worker's open cases and the first due instant of each of their running clocks. */
export interface WorkerCaseload {
  readonly cases: number;
  readonly clockDues: readonly string[];
}

/** One case on one queue; no names of children or families. */
export interface WorklistEntry {
  readonly list: WorklistName;
  readonly caseId: string;
  readonly state: CaseState;
  readonly kind: ContactKind;
  readonly openedAt: string;
  readonly summary?: string;
  readonly leadWorkerId?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Present while there may be more; an empty page can still carry one. */
  readonly continuation?: string;
}

/** `fresh`: the case was just created, so its index rows need no read first (a retry is still safe). */
export interface IndexWriteOptions {
  readonly fresh?: boolean;
}

export interface Worklists {
  /** Puts the case on exactly the lists `worklistsFor` names (idempotent; an older version never overwrites a newer). */
  sync(kase: WorklistCase, options?: IndexWriteOptions): Promise<void>;
  list(name: WorklistName, options?: { top?: number; continuation?: string }): Promise<Page<WorklistEntry>>;
  /** Every worker's caseload (staff id → caseload; a worker with none is absent), in one read of the worker lists. */
  workerCaseloads(): Promise<ReadonlyMap<string, WorkerCaseload>>;
  /** Retention: removes every row of the case (it is being deleted). */
  forgetCase(caseId: string): Promise<void>;
  /** Recomputes every list from the cases given (normally `CaseRepository.listCaseHeaders()`). */
  rebuild(cases: AsyncIterable<WorklistCase>): Promise<void>;
}

/** One due instant of one clock instance, indexed by when it falls due. */
export interface DeadlineEntry {
  readonly caseId: string;
  readonly rule: string;
  readonly instance: number;
  readonly threshold: "expected" | "maximum";
  /** UTC ISO-8601 instant. */
  readonly dueAt: string;
  readonly workerId?: string;
}

export interface DeadlineIndex {
  /** Replaces everything indexed for the case with `entries`. */
  replaceForCase(caseId: string, entries: readonly DeadlineEntry[], options?: IndexWriteOptions): Promise<void>;
  /** Retention: removes every entry of the case (it is being deleted). */
  forgetCase(caseId: string): Promise<void>;
  /** Entries due in [from, to), ordered by due instant. */
  dueBetween(from: Date, to: Date): Promise<DeadlineEntry[]>;
  /** Replaces the whole index with the entries given (normally recomputed from every open case). */
  rebuild(
    source: AsyncIterable<{ readonly caseId: string; readonly entries: readonly DeadlineEntry[] }>,
  ): Promise<void>;
}

/** A clock instance that finished (met or cancelled), kept for the compliance report; no personal data. */
export interface ClockOutcomeEntry {
  readonly caseId: string;
  readonly rule: string;
  readonly instance: number;
  /** London date (YYYY-MM-DD) the clock stopped or was cancelled: the report's period is in London days. */
  readonly finishedOn: string;
  readonly outcome: "on-time" | "late" | "cancelled";
  /** Whether a late clock still met the rule's maximum (only when the rule has both). */
  readonly withinMaximum?: boolean;
  /** A late clock that was never met: the case closed with it already past its maximum. */
  readonly unmet?: true;
  /** The reason recorded for exceeding it, if any. */
  readonly reason?: string;
}

/** One stage of a check the record evidences (9 voice of the child, Bexley §12 oversight), for the report. */
export interface CheckOutcomeEntry {
  readonly caseId: string;
  readonly rule: string;
  /** The stage's event in the case's log. */
  readonly seq: number;
  /** London date (YYYY-MM-DD) of the stage. */
  readonly stageOn: string;
  readonly outcome: "evidenced" | "missing";
}

/** A panel decision, kept by the London day it was made so an agenda shows what was decided today. */
export interface PanelDecisionEntry {
  readonly caseId: string;
  readonly panel: string;
  readonly seq: number;
  readonly outcome: string;
  /** UTC ISO-8601 */
  readonly at: string;
  readonly decidedOn: string;
  readonly byId: string;
  readonly byKind: "staff" | "system";
  readonly byName?: string;
}

/** An open case by when it opened: long-open cases (11.4) are a range of it. */
export interface OpenCaseEntry {
  readonly caseId: string;
  readonly openedAt: string;
  readonly leadWorkerId?: string;
}

/** What one case contributes to the reports; recomputed from the case on every change. */
export interface CaseReportFacts {
  readonly clockOutcomes: readonly ClockOutcomeEntry[];
  /** Stages still awaiting their evidence are not counted yet. */
  readonly checkOutcomes?: readonly CheckOutcomeEntry[];
  readonly decisions: readonly PanelDecisionEntry[];
  /** Absent once the case is closed. */
  readonly open?: OpenCaseEntry;
}

/**
 * The reports' index (the `Compliance` table): kept in step with each case as it changes, so a report costs
 * O(what happened in its period), never O(all cases).
 */
export interface ComplianceIndex {
  /** Makes the case's rows exactly `facts`; `version` (its last event seq) stops an older view overwriting a newer. */
  replaceForCase(caseId: string, version: number, facts: CaseReportFacts, options?: IndexWriteOptions): Promise<void>;
  /** Retention: removes the case's rows (the app first writes their counts again under an anonymous id). */
  forgetCase(caseId: string): Promise<void>;
  /** Clocks that finished on London dates in [fromDate, toDate] (inclusive). */
  clockOutcomes(fromDate: string, toDate: string): Promise<ClockOutcomeEntry[]>;
  /** Check stages on London dates in [fromDate, toDate] (inclusive), evidenced or missing. */
  checkOutcomes(fromDate: string, toDate: string): Promise<CheckOutcomeEntry[]>;
  /** Decisions made on a London date, oldest first. */
  decisionsOn(date: string): Promise<PanelDecisionEntry[]>;
  /** Open cases opened in [from, before) (UTC instants), oldest first. */
  openBetween(
    from: string,
    before: string,
    options?: { top?: number; continuation?: string },
  ): Promise<Page<OpenCaseEntry>>;
}
