import type { LocalDate } from "../../../src/domain/calendar/calendar.js";
import type { Outcome } from "../../../src/domain/rules/profile-schema.js";
import type { AdaptiveCardJson, CardElement } from "../card-json.js";
import { decideButton, decisionInputs, decisionMadeLine, type DecisionMade, type WorkerChoice } from "./decision.js";
import { formatDate } from "./london-time.js";
import { splitIntoCards } from "./split-cards.js";
import { heading, text } from "./text.js";

export interface AgendaHeader {
  /** "Daily screening", "MAAM agenda", the panel's name. */
  readonly title: string;
  readonly date: LocalDate;
  /** The line under the heading: how many items, and what to do with them. */
  readonly summary: string;
}

/**
 * A panel's agenda split to fit Teams, each part headed "<title>, <date> (part n of m)" and the summary line. Each
 * item is rendered knowing the case ids of its part (`agendaCaseIds`), so that a decision's refreshed card can be
 * rebuilt from the click alone. Parts are cut at `itemsPerCard`; a part cut earlier for size names a few cases more.
 */
export function agendaCards<T extends { readonly case: { readonly id: string } }>(
  items: readonly T[],
  render: (entry: T, agendaCaseIds: readonly string[]) => CardElement,
  header: AgendaHeader,
  itemsPerCard: number,
): AdaptiveCardJson[] {
  const rendered = items.map((entry, i) => {
    const start = i - (i % itemsPerCard);
    return render(
      entry,
      items.slice(start, start + itemsPerCard).map((e) => e.case.id),
    );
  });
  return splitIntoCards(rendered, {
    maxItems: itemsPerCard,
    describe: (i) => `Case ${items[i]?.case.id ?? ""}`,
    header: (part, parts) => [
      heading(`${header.title}, ${formatDate(header.date)}${parts > 1 ? ` (part ${part} of ${parts})` : ""}`),
      text(header.summary),
    ],
  });
}

/** How an agenda item ends: who decided and when, or the decision's inputs and the button that records it. */
export function decisionOrInputs(
  entry: { readonly decision?: DecisionMade; readonly etag?: string },
  decide: {
    readonly verb: string;
    readonly caseId: string;
    readonly outcomes: readonly Outcome[];
    readonly agendaCaseIds: readonly string[];
  },
  workers: readonly WorkerChoice[],
  timeZone: string,
): CardElement[] {
  return entry.decision
    ? [decisionMadeLine(entry.decision, timeZone)]
    : [
        ...decisionInputs(decide.caseId, decide.outcomes, workers),
        decideButton(decide.verb, decide.caseId, entry.etag, decide.agendaCaseIds),
      ];
}
