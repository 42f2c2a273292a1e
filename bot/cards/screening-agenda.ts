import type { SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import type { Outcome } from "../../src/domain/rules/profile-schema.js";
import type { CardElement } from "./card-json.js";
import { clockLines } from "./elements/clocks.js";
import { howToDecide, redrawReserveBytes, type DecisionMade, type WorkerChoice } from "./elements/decision.js";
import { calendarDaysBetween, formatInstant } from "./elements/london-time.js";
import { agendaDrawing, decidingIn, decisionOrInputs, type AgendaHeader, type RedrawnFor } from "./elements/agenda.js";
import { sharedCaseTitle, type SharedCase } from "./elements/shared-case.js";
import { container, facts } from "./elements/text.js";

export const SCREENING_DECIDE = "screening.decide";
/** Items on a posted part at most (fewer when a part would not fit a Teams message). */
export const SCREENING_ITEMS_PER_CARD = 6;

export interface ScreeningAgendaItem {
  readonly case: SharedCase;
  readonly clocks: readonly Deadline[];
  /** The case row's ETag when the agenda was built; the decision is refused if the case changed since. */
  readonly etag?: string;
  readonly decision?: DecisionMade;
}

export interface ScreeningAgendaView extends RedrawnFor {
  readonly timeZone: string;
  /** What the centre lets a shared chat see beyond the reference and kind (default: nothing more). */
  readonly detail?: SharedCardDetail;
  /** UTC ISO-8601: "days waiting" counts to here. */
  readonly now: string;
  readonly date: LocalDate;
  /** The profile's screening outcomes. */
  readonly outcomes: readonly Outcome[];
  readonly workers: readonly WorkerChoice[];
  readonly items: readonly ScreeningAgendaItem[];
}

const daysWaiting = (days: number): string => (days === 1 ? "1 day" : `${days} days`);

function item(view: ScreeningAgendaView, entry: ScreeningAgendaItem, agendaCaseIds: readonly string[]): CardElement {
  const kase = entry.case;
  return container(
    [
      sharedCaseTitle(kase, view.detail),
      facts([
        ["Received", formatInstant(kase.openedAt, view.timeZone)],
        ["Waiting", daysWaiting(calendarDaysBetween(kase.openedAt, view.now, view.timeZone))],
      ]),
      ...clockLines(entry.clocks, view.timeZone),
      ...decisionOrInputs(
        entry,
        { ...decidingIn(view), verb: SCREENING_DECIDE, caseId: kase.id, agendaCaseIds },
        view.timeZone,
      ),
    ],
    { separator: true },
  );
}

function header(view: ScreeningAgendaView): AgendaHeader {
  const count = view.items.length;
  return {
    title: "Daily screening",
    date: view.date,
    summary:
      count === 0
        ? "No contacts are awaiting screening."
        : `${count} ${count === 1 ? "contact is" : "contacts are"} awaiting screening. ${howToDecide(view.outcomes)}`,
  };
}

const drawing = agendaDrawing<ScreeningAgendaItem, ScreeningAgendaView>({
  item,
  header,
  itemsPerCard: SCREENING_ITEMS_PER_CARD,
  reserveBytes: (view) => redrawReserveBytes(view.outcomes, view.workers),
});

/** Rule 2.1's daily agenda for the screening chat: every contact awaiting screening, in parts that fit Teams. */
export const screeningAgendaCards = drawing.cards;

/** One part of the agenda drawn again after a click, with exactly the items it showed. */
export const screeningAgendaCard = drawing.card;
