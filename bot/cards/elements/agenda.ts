import type { LocalDate } from "../../../src/domain/calendar/calendar.js";
import type { Outcome } from "../../../src/domain/rules/profile-schema.js";
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from "../card-json.js";
import {
  decideButton,
  decisionInputs,
  decisionMadeLine,
  type DecisionFocus,
  type DecisionMade,
  type TypedInputs,
  type WorkerChoice,
} from "./decision.js";
import { formatDate } from "./london-time.js";
import { packIntoCards } from "./split-cards.js";
import { heading, text } from "./text.js";

export interface AgendaHeader {
  /** "Daily screening", "MAAM agenda", the panel's name. */
  readonly title: string;
  readonly date: LocalDate;
  /** The line under the heading: how many items, and what to do with them. */
  readonly summary: string;
}

const titleOf = (header: AgendaHeader, part?: string) =>
  heading(`${header.title}, ${formatDate(header.date)}${part ?? ""}`);

/** How one panel draws its agenda: each item (knowing the cases beside it), the header, and how much a part holds. */
export interface AgendaDrawing<T, V> {
  readonly item: (view: V, entry: T, agendaCaseIds: readonly string[]) => CardElement;
  readonly header: (view: V) => AgendaHeader;
  readonly itemsPerCard: number;
  /** Kept free on each posted part for a redraw for one person (the worker picker, a reason). */
  readonly reserveBytes: (view: V) => number;
}

/**
 * A panel's agenda drawn two ways. `cards`: as posted, packed to fit Teams, each part headed "<title>, <date> (part n
 * of m)" and the summary line, each item drawn knowing the case ids of its own part (`agendaCaseIds`) so that a
 * decision's refreshed card can be rebuilt from the click alone. `card`: one part drawn again after a click, with
 * exactly the items it showed.
 */
export function agendaDrawing<
  T extends { readonly case: { readonly id: string } },
  V extends { readonly items: readonly T[] },
>(
  drawing: AgendaDrawing<T, V>,
): { readonly cards: (view: V) => AdaptiveCardJson[]; readonly card: (view: V) => AdaptiveCardJson } {
  return {
    cards: (view) => {
      const header = drawing.header(view);
      return packIntoCards(view.items, {
        maxItems: drawing.itemsPerCard,
        reserveBytes: drawing.reserveBytes(view),
        fullWidth: true,
        describe: (entry) => `Case ${entry.case.id}`,
        header: (part, parts) => [
          titleOf(header, parts > 1 ? ` (part ${part} of ${parts})` : undefined),
          text(header.summary),
        ],
        render: (run) =>
          run.map((entry) =>
            drawing.item(
              view,
              entry,
              run.map((e) => e.case.id),
            ),
          ),
      });
    },
    card: (view) => {
      const header = drawing.header(view);
      const ids = view.items.map((e) => e.case.id);
      const items = view.items.map((entry) => drawing.item(view, entry, ids));
      return adaptiveCard([titleOf(header), text(header.summary), ...items], [], { fullWidth: true });
    },
  };
}

/** A redraw for the person who clicked: the item that was not recorded, and what they had typed on the card. */
export interface RedrawnFor {
  readonly focus?: DecisionFocus;
  readonly typed?: TypedInputs;
}

/** The agenda's side of each item's decision: its outcomes, the workers, and this person's focus if any. */
export const decidingIn = (
  view: RedrawnFor & { readonly outcomes: readonly Outcome[]; readonly workers: readonly WorkerChoice[] },
) => ({
  outcomes: view.outcomes,
  workers: view.workers,
  ...(view.focus ? { focus: view.focus } : {}),
  ...(view.typed ? { typed: view.typed } : {}),
});

/** What an item's decision needs: the verb, the outcomes, the cases beside it, and this person's focus if any. */
export interface DecideOn {
  readonly verb: string;
  readonly caseId: string;
  readonly outcomes: readonly Outcome[];
  readonly agendaCaseIds: readonly string[];
  readonly workers: readonly WorkerChoice[];
  readonly focus?: DecisionFocus;
  readonly typed?: TypedInputs;
}

/**
 * How an agenda item ends: who decided and when, or the decision's inputs and the button that records it. The item
 * a click could not record says why above its button, with the worker picker when the outcome allocates.
 */
export function decisionOrInputs(
  entry: { readonly decision?: DecisionMade; readonly etag?: string },
  decide: DecideOn,
  timeZone: string,
): CardElement[] {
  if (entry.decision) return [decisionMadeLine(entry.decision, timeZone)];
  const focus = decide.focus?.caseId === decide.caseId ? decide.focus : undefined;
  return [
    ...decisionInputs(decide.caseId, decide.outcomes, {
      ...(focus?.askWorker === true ? { workers: decide.workers } : {}),
      ...(decide.typed ? { typed: decide.typed } : {}),
    }),
    ...(focus ? [text(focus.reason, { weight: "bolder", color: "attention" })] : []),
    decideButton(decide.verb, decide.caseId, entry.etag, decide.agendaCaseIds),
  ];
}
