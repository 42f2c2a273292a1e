import type { SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import type { Outcome } from "../../src/domain/rules/profile-schema.js";
import type { CardElement } from "./card-json.js";
import { clockLine, STATUS_COLOR } from "./elements/clocks.js";
import { howToDecide, redrawReserveBytes, type DecisionMade, type WorkerChoice } from "./elements/decision.js";
import { calendarDaysBetween, formatDue, formatInstant } from "./elements/london-time.js";
import { agendaDrawing, decidingIn, decisionOrInputs, type AgendaHeader, type RedrawnFor } from "./elements/agenda.js";
import { sharedCaseTitle, type SharedCase } from "./elements/shared-case.js";
import { container, facts, text } from "./elements/text.js";

export const MAAM_DECIDE = "maam.decide";
const ITEMS_PER_CARD = 6;

export interface MaamAgendaItem {
  readonly case: SharedCase;
  /** The case's present-at-MAAM clock (rule 1.1), as the domain computed it. */
  readonly clock?: Deadline;
  readonly etag?: string;
  readonly decision?: DecisionMade;
}

export interface MaamAgendaView extends RedrawnFor {
  readonly timeZone: string;
  /** What the centre lets a shared chat see beyond the reference and kind (default: nothing more). */
  readonly detail?: SharedCardDetail;
  /** UTC ISO-8601: days left count from here. */
  readonly now: string;
  readonly date: LocalDate;
  /** The profile's MAAM panel outcomes. */
  readonly outcomes: readonly Outcome[];
  readonly workers: readonly WorkerChoice[];
  readonly items: readonly MaamAgendaItem[];
}

const days = (n: number): string => (n === 1 ? "1 day" : `${n} days`);

/** "Present by end of Tue 15 Dec 2026: 3 days left" / "… 2 days overdue", in the clock's RAG colour. */
function presentBy(clock: Deadline, view: MaamAgendaView): CardElement[] {
  const due = clock.maximum ?? clock.expected;
  if (due === undefined || clock.status === "met" || clock.status === "cancelled")
    return [clockLine(clock, view.timeZone)];
  const left = calendarDaysBetween(view.now, due.at, view.timeZone);
  const when = left < 0 ? `${days(-left)} overdue` : left === 0 ? "due today" : `${days(left)} left`;
  return [
    text(`${clock.ruleId} ${clock.ruleName}: by ${formatDue(due.at, view.timeZone)}, ${when}`, {
      weight: "bolder",
      color: STATUS_COLOR[clock.status],
    }),
    text(clock.citation.display, { isSubtle: true, size: "small", spacing: "none" }),
  ];
}

function item(view: MaamAgendaView, entry: MaamAgendaItem, agendaCaseIds: readonly string[]): CardElement {
  const kase = entry.case;
  return container(
    [
      sharedCaseTitle(kase, view.detail),
      facts([["Received", formatInstant(kase.openedAt, view.timeZone)]]),
      ...(entry.clock ? presentBy(entry.clock, view) : []),
      ...decisionOrInputs(
        entry,
        { ...decidingIn(view), verb: MAAM_DECIDE, caseId: kase.id, agendaCaseIds },
        view.timeZone,
      ),
    ],
    { separator: true },
  );
}

function header(view: MaamAgendaView): AgendaHeader {
  const count = view.items.length;
  return {
    title: "MAAM agenda",
    date: view.date,
    summary:
      count === 0
        ? "No cases are waiting for MAAM."
        : `${count} ${count === 1 ? "case is" : "cases are"} waiting for MAAM, most urgent first as listed. ${howToDecide(view.outcomes)}`,
  };
}

const drawing = agendaDrawing<MaamAgendaItem, MaamAgendaView>({
  item,
  header,
  itemsPerCard: ITEMS_PER_CARD,
  reserveBytes: (view) => redrawReserveBytes(view.outcomes, view.workers),
});

/** The Multi Agency Action Meeting agenda: every case sent to MAAM, in parts that fit Teams. */
export const maamAgendaCards = drawing.cards;

/** One part of the agenda drawn again after a click, with exactly the items it showed. */
export const maamAgendaCard = drawing.card;
