import { createHash } from "node:crypto";
import type { Case } from "../../domain/case.js";
import {
  PLACEHOLDER_RETENTION_MONTHS,
  RETENTION_OUTCOMES,
  retentionVerdict,
  setAsideMailDue,
  type RetentionOutcome,
  type RetentionSchedule,
} from "../../domain/privacy/retention.js";
import type { CaseReportFacts } from "../../ports/indexes.js";
import type { AppDeps } from "../app-deps.js";
import { reportFacts } from "../report-facts.js";
import { readCentreSettings } from "../settings/centre-settings.js";
import { postedCards, removedCardNotices } from "./removed-card-notices.js";

type RetentionDeps = Pick<
  AppDeps,
  | "cases"
  | "outbox"
  | "worklists"
  | "deadlines"
  | "compliance"
  | "projections"
  | "messages"
  | "threads"
  | "quotas"
  | "settings"
  | "profile"
  | "calendar"
  | "audit"
  | "clock"
  | "logger"
>;

/** The council's schedule as saved, else the placeholders (`saved: false`: the job then deletes nothing). */
export async function retentionSchedule(
  deps: Pick<AppDeps, "settings" | "profile">,
): Promise<{ readonly schedule: RetentionSchedule; readonly saved: boolean }> {
  const months = (await readCentreSettings(deps)).value.retentionMonths ?? {};
  const saved = RETENTION_OUTCOMES.every((outcome) => typeof months[outcome] === "number");
  return { schedule: { ...PLACEHOLDER_RETENTION_MONTHS, ...months }, saved };
}

export interface DueCase {
  readonly caseId: string;
  readonly outcome: RetentionOutcome;
  readonly closedAt?: string;
  /** When the schedule let it go (UTC ISO instant). */
  readonly deleteFrom: string;
}

/** What the next run would remove, and what it would keep only because of a legal hold. */
export interface RetentionReport {
  readonly at: string;
  /** False: the schedule shown is the placeholders, and the nightly job removes nothing until one is saved. */
  readonly scheduleSaved: boolean;
  readonly schedule: RetentionSchedule;
  readonly due: readonly DueCase[];
  readonly held: readonly DueCase[];
  /** Per-sender acknowledgement counters of past days, which go too. */
  readonly staleQuotaRows: number;
  /** Mail the service set aside (ignored or quarantined) longer ago than the schedule's period for it. */
  readonly ignoredMailDue: number;
}

/** How many set-aside messages are past the schedule's period for ignored mail. */
async function ignoredMailDue(
  deps: Pick<AppDeps, "messages">,
  schedule: RetentionSchedule,
  now: Date,
): Promise<number> {
  let due = 0;
  let continuation: string | undefined;
  do {
    const page = await deps.messages.listSetAside({
      top: 500,
      ...(continuation === undefined ? {} : { continuation }),
    });
    due += page.items.filter((e) => e.receivedAt !== "" && setAsideMailDue(e.receivedAt, schedule, now)).length;
    continuation = page.continuation;
  } while (continuation !== undefined);
  return due;
}

/** Counters as versions before issue 21 §7 kept them (in Sync, now beside the case numbers): past days' go. */
const QUOTA_PREFIX = "ack-quota~";

async function staleQuotaKeys(deps: Pick<AppDeps, "quotas" | "calendar">, now: Date): Promise<string[]> {
  const today = deps.calendar.localDate(now);
  return (await deps.quotas.list())
    .map((record) => record.key)
    .filter((key) => key.startsWith(QUOTA_PREFIX) && key.slice(QUOTA_PREFIX.length, QUOTA_PREFIX.length + 10) < today);
}

/** Every closed case past its period, held or not (a dry run: changes nothing). */
export async function retentionReport(deps: RetentionDeps, now: Date): Promise<RetentionReport> {
  const { schedule, saved } = await retentionSchedule(deps);
  const due: DueCase[] = [];
  const held: DueCase[] = [];
  for await (const header of deps.cases.listCaseHeaders()) {
    if (header.state !== "closed") continue;
    const stored = await deps.cases.findCase(header.id);
    if (stored === undefined) continue;
    const verdict = retentionVerdict(stored.case, schedule, now);
    if (verdict.verdict !== "due" && verdict.verdict !== "held") continue;
    const entry: DueCase = {
      caseId: header.id,
      outcome: verdict.outcome,
      ...(stored.case.closedAt === undefined ? {} : { closedAt: stored.case.closedAt }),
      deleteFrom: verdict.deleteFrom,
    };
    (verdict.verdict === "due" ? due : held).push(entry);
  }
  return {
    at: now.toISOString(),
    scheduleSaved: saved,
    schedule,
    due,
    held,
    staleQuotaRows: (await staleQuotaKeys(deps, now)).length,
    ignoredMailDue: await ignoredMailDue(deps, schedule, now),
  };
}

/** The compliance counts of a case with nothing that identifies it: another id, no free-text reason, no names. */
export function anonymousFacts(facts: CaseReportFacts, anonymousId: string): CaseReportFacts {
  return {
    clockOutcomes: facts.clockOutcomes.map(({ reason: _reason, ...c }) => ({ ...c, caseId: anonymousId })),
    decisions: facts.decisions.map(({ byName: _byName, ...d }) => ({ ...d, caseId: anonymousId })),
  };
}

/** One-way, so a rerun after a crash writes the same counts again rather than twice. */
const anonymousIdOf = (caseId: string): string =>
  `retained-${createHash("sha256").update(`retention:${caseId}`).digest("hex").slice(0, 24)}`;

/**
 * Deletes one case from every table: its compliance counts kept under an anonymous id, the Teams cards posted about
 * it queued to say it was removed (under that id), then its outbox items, index rows, mail thread links, and last
 * its own partition (so a run stopped part-way finds it again). Answers how many cards will be updated.
 */
async function eraseCase(deps: RetentionDeps, kase: Case, now: Date): Promise<number> {
  const facts = reportFacts(kase, deps.profile, deps.calendar, now);
  const notices = removedCardNotices(anonymousIdOf(kase.id), postedCards(await deps.outbox.listForCase(kase.id)));
  if (notices.length > 0) await deps.outbox.enqueueAll(notices, now);
  await deps.compliance.replaceForCase(
    anonymousIdOf(kase.id),
    kase.events.length,
    anonymousFacts(facts, anonymousIdOf(kase.id)),
  );
  await deps.compliance.forgetCase(kase.id);
  await deps.outbox.deleteForCase(kase.id);
  await deps.deadlines.forgetCase(kase.id);
  await deps.worklists.forgetCase(kase.id);
  await deps.projections.forgetCase(kase.id);
  for (const thread of await deps.threads.list()) {
    if (thread.value.caseId === kase.id) await deps.threads.delete(thread.key);
  }
  await deps.cases.deleteCase(kase.id);
  return notices.length;
}

export interface RetentionRun extends RetentionReport {
  readonly deleted: number;
  readonly messagesForgotten: number;
  /** Set-aside (ignored or quarantined) messages past their period, gone from the list. */
  readonly ignoredMailForgotten: number;
  /** Teams cards about the deleted cases queued to say the record was removed under the retention schedule. */
  readonly cardsUpdated: number;
}

/**
 * The retention run: every closed case past its period and not on legal hold is deleted from every table, the mail
 * ledger keeps only that its messages were handled, and past days' per-sender counters go. Only with a schedule the
 * council saved (`scheduleSaved`); audited and logged with counts only.
 */
export async function applyRetention(deps: RetentionDeps, now: Date): Promise<RetentionRun> {
  const report = await retentionReport(deps, now);
  if (!report.scheduleSaved) {
    deps.logger.info("retention.not-configured", { due: report.due.length });
    return { ...report, deleted: 0, messagesForgotten: 0, ignoredMailForgotten: 0, cardsUpdated: 0 };
  }
  const deleted = new Set<string>();
  let cardsUpdated = 0;
  for (const entry of report.due) {
    const stored = await deps.cases.findCase(entry.caseId);
    // Checked again as it stands now: a hold placed since the report keeps it.
    if (stored === undefined || retentionVerdict(stored.case, report.schedule, now).verdict !== "due") continue;
    cardsUpdated += await eraseCase(deps, stored.case, now);
    deleted.add(entry.caseId);
  }
  const messagesForgotten = await deps.messages.forgetCases(deleted);
  const ignoredMailForgotten = await deps.messages.forgetSetAside((receivedAt) =>
    setAsideMailDue(receivedAt, report.schedule, now),
  );
  await deps.cases.forgetAllowancesBefore(deps.calendar.localDate(now));
  for (const key of await staleQuotaKeys(deps, now)) await deps.quotas.delete(key);
  await deps.audit.append({
    action: "retention.run",
    at: now.toISOString(),
    actorId: "system:retention",
    subject: "retention",
    via: "job",
    detail: { deleted: deleted.size, held: report.held.length, messagesForgotten, ignoredMailForgotten, cardsUpdated },
  });
  deps.logger.info("retention.done", {
    deleted: deleted.size,
    held: report.held.length,
    messagesForgotten,
    ignoredMailForgotten,
    cardsUpdated,
  });
  return { ...report, deleted: deleted.size, messagesForgotten, ignoredMailForgotten, cardsUpdated };
}
