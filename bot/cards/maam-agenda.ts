import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import type { Outcome } from "../../src/domain/rules/profile-schema.js";
import type { AdaptiveCardJson, CardElement } from "./card-json.js";
import { clockLine, STATUS_COLOR } from "./elements/clocks.js";
import type { DecisionMade, WorkerChoice } from "./elements/decision.js";
import { calendarDaysBetween, formatDue, formatInstant } from "./elements/london-time.js";
import { agendaCards, decisionOrInputs } from "./elements/agenda.js";
import { sharedCaseTitle, type SharedCase } from "./elements/shared-case.js";
import { container, facts, text } from "./elements/text.js";

export const MAAM_DECIDE = "maam.decide";
const ITEMS_PER_CARD = 20;

export interface MaamAgendaItem {
  readonly case: SharedCase;
  /** The case's present-at-MAAM clock (rule 1.1), as the domain computed it. */
  readonly clock?: Deadline;
  readonly etag?: string;
  readonly decision?: DecisionMade;
}

export interface MaamAgendaView {
  readonly timeZone: string;
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
      sharedCaseTitle(kase),
      facts([["Received", formatInstant(kase.openedAt, view.timeZone)]]),
      ...(entry.clock ? presentBy(entry.clock, view) : []),
      ...decisionOrInputs(
        entry,
        { verb: MAAM_DECIDE, caseId: kase.id, outcomes: view.outcomes, agendaCaseIds },
        view.workers,
        view.timeZone,
      ),
    ],
    { separator: true },
  );
}

/** The Multi Agency Action Meeting agenda: every case sent to MAAM, split to fit Teams. */
export function maamAgendaCards(view: MaamAgendaView): AdaptiveCardJson[] {
  const count = view.items.length;
  return agendaCards(
    view.items,
    (entry, ids) => item(view, entry, ids),
    {
      title: "MAAM agenda",
      date: view.date,
      summary:
        count === 0
          ? "No cases are waiting for MAAM."
          : `${count} ${count === 1 ? "case is" : "cases are"} waiting for MAAM, most urgent first as listed.`,
    },
    ITEMS_PER_CARD,
  );
}
