import type {
  CaseReportFacts,
  CheckOutcomeEntry,
  ClockOutcomeEntry,
  ComplianceIndex,
  IndexWriteOptions,
  OpenCaseEntry,
  Page,
  PanelDecisionEntry,
} from "../ports/indexes.js";
import { replaceCaseRows, forgetCaseRows } from "./case-index.js";
import { type Entity, type EntityTable, numberOf, scan, stringOf } from "./entity-table.js";
import { encodeKey, isoInstant } from "./keys.js";

/**
 * Azure `Compliance` table, derived from `Cases` like Worklists and Deadlines:
 * - `clock~<YYYY-MM>` / `<finishedOn>~<case>~<rule>~<instance>`: finished clocks by the London month they finished;
 * - `check~<YYYY-MM>` / `<stageOn>~<case>~<rule>~<seq>`: check stages (9, Bexley §12) by the London month of the stage;
 * - `decided~<YYYY-MM-DD>` / `<panel>~<case>~<seq>`: panel decisions by London day (agendas' "decided today");
 * - `open` / `<openedAt>~<case>`: open cases by opening instant (long-open ranges, 11.4).
 */
const CLOCK = "clock~";
const CHECK = "check~";
const DECIDED = "decided~";
const OPEN = "open";

const key = (...parts: readonly (string | number)[]): string => parts.map((p) => encodeKey(String(p))).join("~");

function clockRow(e: ClockOutcomeEntry): Entity {
  return {
    partitionKey: `${CLOCK}${e.finishedOn.slice(0, 7)}`,
    rowKey: key(e.finishedOn, e.caseId, e.rule, String(e.instance).padStart(4, "0")),
    caseId: e.caseId,
    rule: e.rule,
    instance: e.instance,
    finishedOn: e.finishedOn,
    outcome: e.outcome,
    withinMaximum: e.withinMaximum,
    unmet: e.unmet,
    reason: e.reason,
  };
}

function checkRow(e: CheckOutcomeEntry): Entity {
  return {
    partitionKey: `${CHECK}${e.stageOn.slice(0, 7)}`,
    rowKey: key(e.stageOn, e.caseId, e.rule, String(e.seq).padStart(6, "0")),
    caseId: e.caseId,
    rule: e.rule,
    seq: e.seq,
    stageOn: e.stageOn,
    outcome: e.outcome,
  };
}

function decisionRow(e: PanelDecisionEntry): Entity {
  return {
    partitionKey: `${DECIDED}${e.decidedOn}`,
    rowKey: key(e.panel, e.caseId, String(e.seq).padStart(6, "0")),
    caseId: e.caseId,
    panel: e.panel,
    seq: e.seq,
    outcome: e.outcome,
    at: e.at,
    decidedOn: e.decidedOn,
    byId: e.byId,
    byKind: e.byKind,
    byName: e.byName,
  };
}

function openRow(e: OpenCaseEntry): Entity {
  const openedAt = isoInstant(e.openedAt);
  return {
    partitionKey: OPEN,
    rowKey: key(openedAt, e.caseId),
    caseId: e.caseId,
    openedAt,
    leadWorkerId: e.leadWorkerId,
  };
}

function rowsOf(facts: CaseReportFacts): Entity[] {
  return [
    ...facts.clockOutcomes.map(clockRow),
    ...(facts.checkOutcomes ?? []).map(checkRow),
    ...facts.decisions.map(decisionRow),
    ...(facts.open ? [openRow(facts.open)] : []),
  ];
}

function clockOf(row: Entity): ClockOutcomeEntry {
  const outcome = stringOf(row, "outcome");
  const withinMaximum = row.withinMaximum;
  const reason = stringOf(row, "reason");
  return {
    caseId: stringOf(row, "caseId") ?? "",
    rule: stringOf(row, "rule") ?? "",
    instance: numberOf(row, "instance") ?? 0,
    finishedOn: stringOf(row, "finishedOn") ?? "",
    outcome: outcome === "on-time" || outcome === "late" ? outcome : "cancelled",
    ...(typeof withinMaximum === "boolean" ? { withinMaximum } : {}),
    ...(row.unmet === true ? { unmet: true as const } : {}),
    ...(reason === undefined ? {} : { reason }),
  };
}

function checkOf(row: Entity): CheckOutcomeEntry {
  return {
    caseId: stringOf(row, "caseId") ?? "",
    rule: stringOf(row, "rule") ?? "",
    seq: numberOf(row, "seq") ?? 0,
    stageOn: stringOf(row, "stageOn") ?? "",
    outcome: stringOf(row, "outcome") === "evidenced" ? "evidenced" : "missing",
  };
}

function decisionOf(row: Entity): PanelDecisionEntry {
  const byName = stringOf(row, "byName");
  return {
    caseId: stringOf(row, "caseId") ?? "",
    panel: stringOf(row, "panel") ?? "",
    seq: numberOf(row, "seq") ?? 0,
    outcome: stringOf(row, "outcome") ?? "",
    at: stringOf(row, "at") ?? "",
    decidedOn: stringOf(row, "decidedOn") ?? "",
    byId: stringOf(row, "byId") ?? "",
    byKind: stringOf(row, "byKind") === "system" ? "system" : "staff",
    ...(byName === undefined ? {} : { byName }),
  };
}

function openOf(row: Entity): OpenCaseEntry {
  const leadWorkerId = stringOf(row, "leadWorkerId");
  return {
    caseId: stringOf(row, "caseId") ?? "",
    openedAt: stringOf(row, "openedAt") ?? "",
    ...(leadWorkerId === undefined ? {} : { leadWorkerId }),
  };
}

/** Every `YYYY-MM` from the month of `from` to the month of `to` (London dates). */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

export class TableCompliance implements ComplianceIndex {
  constructor(private readonly table: EntityTable) {}

  forgetCase(caseId: string): Promise<void> {
    return forgetCaseRows(this.table, caseId);
  }

  replaceForCase(caseId: string, version: number, facts: CaseReportFacts, options?: IndexWriteOptions): Promise<void> {
    return replaceCaseRows(this.table, caseId, version, rowsOf(facts), options);
  }

  clockOutcomes(fromDate: string, toDate: string): Promise<ClockOutcomeEntry[]> {
    return this.byDate(CLOCK, fromDate, toDate, clockOf);
  }

  checkOutcomes(fromDate: string, toDate: string): Promise<CheckOutcomeEntry[]> {
    return this.byDate(CHECK, fromDate, toDate, checkOf);
  }

  /** The rows of monthly partitions `<prefix><YYYY-MM>` whose row keys start with a London date in the range. */
  private async byDate<T>(prefix: string, fromDate: string, toDate: string, read: (row: Entity) => T): Promise<T[]> {
    // Row keys start with the London date, so the date bounds are row key bounds ("~" sorts after any key part).
    const range = { rowKeyFrom: encodeKey(fromDate), rowKeyBefore: `${encodeKey(toDate)}~~` };
    const pages = await Promise.all(
      monthsOf(fromDate, toDate).map(async (month) => {
        const rows: T[] = [];
        for await (const row of scan(this.table, { partitionKey: `${prefix}${month}`, ...range })) rows.push(read(row));
        return rows;
      }),
    );
    return pages.flat();
  }

  async decisionsOn(date: string): Promise<PanelDecisionEntry[]> {
    const rows: PanelDecisionEntry[] = [];
    for await (const row of scan(this.table, { partitionKey: `${DECIDED}${date}` })) rows.push(decisionOf(row));
    return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  async openBetween(
    from: string,
    before: string,
    options?: { top?: number; continuation?: string },
  ): Promise<Page<OpenCaseEntry>> {
    const query = {
      partitionKey: OPEN,
      rowKeyFrom: encodeKey(isoInstant(from)),
      rowKeyBefore: encodeKey(isoInstant(before)),
    };
    const page = await this.table.page(query, options);
    return {
      items: page.items.map(openOf),
      ...(page.continuation === undefined ? {} : { continuation: page.continuation }),
    };
  }
}
