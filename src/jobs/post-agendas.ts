import type { LocalDate, NonWorkingDay } from "../domain/calendar/calendar.js";
import { longDate } from "../domain/letters/letter-dates.js";
import { everyItem } from "../app/every-item.js";
import { type WorklistEntry } from "../ports/indexes.js";
import { agendaDue, agendaKey, agendaSlots, parseTimeOfDay, type AgendaSlot, type TimeOfDay } from "./agenda-plan.js";
import { type JobDeps, NOTICES_PARTITION } from "./job-deps.js";

/** What an agenda card needs: case references, kinds and waiting times; never a child's or family's name. */
export interface AgendaPayload {
  readonly conversation: string;
  readonly agenda: string;
  readonly ruleId: string;
  readonly date: LocalDate;
  readonly caseIds: readonly string[];
  readonly items: readonly { readonly caseId: string; readonly kind: string; readonly openedAt: string }[];
  /**
   * A weekly meeting held on the next working day: why, in words for the card ("Held today, not on Tuesday 28
   * December 2027 (Boxing Day (substitute day)), a bank holiday").
   */
  readonly heldBecause?: string;
}

export interface AgendaRun {
  readonly agenda: string;
  readonly outcome: "queued" | "already-queued" | "not-due";
  readonly date?: LocalDate;
  readonly cases?: number;
}

/**
 * Queues today's agenda of each meeting that is due (rule 2.1 daily screening; MAAM and the transfer panel on their
 * weekday) as ONE Teams outbox item keyed `agenda~<meeting>~<date>`: however many ticks or instances run, a meeting
 * gets one agenda a day. The cases are the meeting's queue as it stands when the agenda is first queued.
 */
export async function postAgendas(deps: JobDeps, now: Date, at: TimeOfDay): Promise<AgendaRun[]> {
  const time = parseTimeOfDay("The agenda time", at);
  const runs: AgendaRun[] = [];
  for (const { slot, rule } of agendaSlots(deps.profile)) {
    const decision = agendaDue(rule, time, deps.calendar, now);
    if (!decision.due) {
      runs.push({ agenda: slot.agenda, outcome: "not-due" });
      continue;
    }
    runs.push(await queueAgenda(deps, slot, decision.date, now, decision.heldInsteadOf));
  }
  return runs;
}

const NON_WORKING: Record<NonWorkingDay["reason"], string> = {
  "bank-holiday": "a bank holiday",
  "closure-day": "a day the centre is closed",
  weekend: "a weekend",
};

/** Why the meeting is held today: its usual day and what that day is. */
const heldBecause = (usual: NonWorkingDay): string =>
  `Held today, the next working day, because its usual day, ${longDate(usual.date)}, is ${NON_WORKING[usual.reason]} (${usual.name}).`;

async function queueAgenda(
  deps: JobDeps,
  slot: AgendaSlot,
  date: LocalDate,
  now: Date,
  heldInsteadOf?: NonWorkingDay,
): Promise<AgendaRun> {
  const key = agendaKey(slot.agenda, date);
  // A point read first: later ticks of the day cost one read, not a scan of the queue.
  if ((await deps.outbox.get(NOTICES_PARTITION, key)) !== undefined) {
    return { agenda: slot.agenda, outcome: "already-queued", date };
  }
  const entries = await wholeList(deps, slot);
  const payload: AgendaPayload = {
    conversation: slot.conversation,
    agenda: slot.agenda,
    ruleId: slot.ruleId,
    date,
    caseIds: entries.map((e) => e.caseId),
    items: entries.map((e) => ({ caseId: e.caseId, kind: e.kind, openedAt: e.openedAt })),
    ...(heldInsteadOf === undefined ? {} : { heldBecause: heldBecause(heldInsteadOf) }),
  };
  const { enqueued } = await deps.outbox.enqueue(
    { caseId: NOTICES_PARTITION, key, channel: "teams", purpose: `agenda-${slot.agenda}`, payload: { ...payload } },
    now,
  );
  const moved = heldInsteadOf === undefined ? {} : { heldInsteadOf: heldInsteadOf.date };
  deps.logger.info("agenda.queued", { agenda: slot.agenda, date, cases: entries.length, enqueued, ...moved });
  return { agenda: slot.agenda, outcome: enqueued ? "queued" : "already-queued", date, cases: entries.length };
}

async function wholeList(deps: JobDeps, slot: AgendaSlot): Promise<WorklistEntry[]> {
  const entries = await everyItem((continuation) =>
    deps.worklists.list(slot.worklist, continuation === undefined ? {} : { continuation }),
  );
  return entries.sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}
