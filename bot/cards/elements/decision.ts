import type { Outcome } from "../../../src/domain/rules/profile-schema.js";
import { utf16Bytes, type CardElement } from "../card-json.js";
import { actionSet, execute } from "./actions.js";
import { choiceInput, textInput } from "./inputs.js";
import { formatInstant } from "./london-time.js";
import { text } from "./text.js";

/** A practitioner who can be allocated, with their current caseload (rule 11.3 is a warning, not a refusal). */
export interface WorkerChoice {
  readonly id: string;
  readonly name: string;
  readonly openCases: number;
  readonly limit: number;
}

/** A decision already recorded: the item shows who made it instead of the inputs. */
export interface DecisionMade {
  readonly byName: string;
  /** UTC ISO-8601. */
  readonly at: string;
  readonly outcomeLabel: string;
}

/**
 * The item a click on an agenda card could not record, redrawn for the person who clicked: why, said on the item,
 * and the worker picker when the chosen outcome allocates. Only that person's card shows it.
 */
export interface DecisionFocus {
  readonly caseId: string;
  readonly reason: string;
  readonly askWorker?: boolean;
}

/** What the person had typed into the card's inputs, by input id: their redrawn card keeps it. */
export type TypedInputs = Readonly<Record<string, string>>;

/**
 * Input ids of one agenda item. Every input of a card is submitted with any of its actions, so each item's ids
 * carry its case reference; the invoke handler reads the decision with these.
 */
export const decisionInputIds = (caseId: string) => ({
  outcome: `${caseId}~outcome`,
  note: `${caseId}~note`,
  worker: `${caseId}~worker`,
});

const wouldBeOver = (w: WorkerChoice): boolean => w.openCases + 1 > w.limit;
const needing = (outcomes: readonly Outcome[], need: "note" | "worker") =>
  outcomes.filter((o) => o.needs.includes(need)).map((o) => o.label);
const valueOf = (typed: TypedInputs | undefined, id: string) => (typed?.[id] === undefined ? {} : { value: typed[id] });

/** The worker to allocate, with caseloads, and a warning naming anyone the allocation would take over the limit. */
function workerPicker(
  caseId: string,
  outcomes: readonly Outcome[],
  workers: readonly WorkerChoice[],
  typed?: TypedInputs,
) {
  const id = decisionInputIds(caseId).worker;
  const over = workers.filter(wouldBeOver);
  return [
    choiceInput(
      id,
      `Worker to allocate (needed for: ${needing(outcomes, "worker").join("; ")})`,
      workers.map((w) => ({
        title: `${w.name} (${w.openCases}/${w.limit})${wouldBeOver(w) ? " – over the limit if allocated" : ""}`,
        value: w.id,
      })),
      { placeholder: "Choose a worker", ...valueOf(typed, id) },
    ),
    ...(over.length === 0
      ? []
      : [
          text(
            `Over their caseload limit if allocated: ${over.map((w) => `${w.name} (${w.openCases}/${w.limit})`).join(", ")}. Check capacity before allocating.`,
            { color: "warning", size: "small" },
          ),
        ]),
  ];
}

/** What the agenda asks of the panel, once under its heading. */
export const howToDecide = (outcomes: readonly Outcome[]): string =>
  `Choose a decision for each and record it${needing(outcomes, "worker").length > 0 ? "; an allocation asks for the worker next" : ""}.`;

/**
 * The room a redraw for one person may need on top of a posted agenda card: the worker picker (posted cards leave it
 * out: repeated on every item, it alone would fill a Teams message) and a line or two of reason.
 */
export const redrawReserveBytes = (outcomes: readonly Outcome[], workers: readonly WorkerChoice[]): number =>
  (needing(outcomes, "worker").length > 0 ? utf16Bytes(workerPicker("FC-0000-000000", outcomes, workers)) : 0) + 1024;

/**
 * The outcome choice and the note the outcomes need. None is marked required: Teams checks every input on the card
 * whenever any button is pressed, so a required input would block deciding one item until all had a decision; the
 * server checks what the chosen outcome needs. The worker picker is drawn only when asked for.
 */
export function decisionInputs(
  caseId: string,
  outcomes: readonly Outcome[],
  options: { readonly workers?: readonly WorkerChoice[]; readonly typed?: TypedInputs } = {},
): CardElement[] {
  const ids = decisionInputIds(caseId);
  const elements: CardElement[] = [
    choiceInput(
      ids.outcome,
      "Decision",
      outcomes.map((o) => ({ title: o.label, value: o.id })),
      { placeholder: "Choose the outcome", ...valueOf(options.typed, ids.outcome) },
    ),
  ];
  const needNote = needing(outcomes, "note");
  if (needNote.length > 0) {
    elements.push(
      textInput(ids.note, `Note (needed for: ${needNote.join("; ")})`, {
        multiline: true,
        ...valueOf(options.typed, ids.note),
      }),
    );
  }
  if (options.workers !== undefined && needing(outcomes, "worker").length > 0) {
    elements.push(...workerPicker(caseId, outcomes, options.workers, options.typed));
  }
  return elements;
}

/**
 * The button that records an item's decision; the ETag makes a second click on a stale card a no-op, and the card's
 * case ids let the refreshed card show every item it showed.
 */
export function decideButton(
  verb: string,
  caseId: string,
  etag: string | undefined,
  agendaCaseIds: readonly string[] = [],
): CardElement {
  const data = {
    caseId,
    ...(etag !== undefined && { etag }),
    ...(agendaCaseIds.length > 0 && { agendaCaseIds: [...agendaCaseIds] }),
  };
  return actionSet([execute("Record decision", verb, data, "positive")]);
}

/** "Decided by Jo Smith at Tue 1 Dec 2026, 09:15: Step down to Early Help". */
export function decisionMadeLine(decision: DecisionMade, timeZone: string): CardElement {
  return text(`Decided by ${decision.byName} at ${formatInstant(decision.at, timeZone)}: ${decision.outcomeLabel}`, {
    weight: "bolder",
    color: "good",
  });
}
