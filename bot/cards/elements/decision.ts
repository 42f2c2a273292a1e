import type { Outcome } from "../../../src/domain/rules/profile-schema.js";
import type { CardElement } from "../card-json.js";
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

/** The outcome choice and the inputs the outcomes need (a note; a worker, with caseloads shown). */
export function decisionInputs(
  caseId: string,
  outcomes: readonly Outcome[],
  workers: readonly WorkerChoice[],
): CardElement[] {
  const ids = decisionInputIds(caseId);
  const elements: CardElement[] = [
    choiceInput(
      ids.outcome,
      "Decision",
      outcomes.map((o) => ({ title: o.label, value: o.id })),
      { required: true, placeholder: "Choose the outcome" },
    ),
  ];
  const needNote = needing(outcomes, "note");
  if (needNote.length > 0) {
    elements.push(textInput(ids.note, `Note (needed for: ${needNote.join("; ")})`, { multiline: true }));
  }
  const needWorker = needing(outcomes, "worker");
  if (needWorker.length > 0) {
    elements.push(
      choiceInput(
        ids.worker,
        `Worker to allocate (needed for: ${needWorker.join("; ")})`,
        workers.map((w) => ({
          title: `${w.name} (${w.openCases}/${w.limit})${wouldBeOver(w) ? " – over the limit if allocated" : ""}`,
          value: w.id,
        })),
        { placeholder: "Choose a worker" },
      ),
    );
    const over = workers.filter(wouldBeOver);
    if (over.length > 0) {
      elements.push(
        text(
          `Over their caseload limit if allocated: ${over.map((w) => `${w.name} (${w.openCases}/${w.limit})`).join(", ")}. Check capacity before allocating.`,
          { color: "warning", size: "small" },
        ),
      );
    }
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
