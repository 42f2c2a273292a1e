import type { Case } from "../../src/domain/case.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { Rag } from "../../src/domain/rules/urgency.js";
import type { AdaptiveCardJson, CardElement } from "./card-json.js";
import { caseTitle } from "./elements/shared-case.js";
import { packIntoCards } from "./elements/split-cards.js";
import { container, heading, text, type TextColor } from "./elements/text.js";

const CASES_PER_CARD = 15;

/** RAG in words as well as colour (as the tab's badge says it). */
const RAG: Record<Rag, { label: string; color: TextColor }> = {
  red: { label: "Red: overdue", color: "attention" },
  amber: { label: "Amber: due soon", color: "warning" },
  green: { label: "Green: on track", color: "good" },
  none: { label: "No running clock", color: "default" },
};

const FOUND_IN: Record<string, string> = {
  reference: "case reference",
  referrer: "referrer",
  family: "family",
  subject: "subject",
};

export interface FoundCase {
  readonly case: Pick<Case, "id" | "kind" | "state" | "summary" | "highRisk">;
  readonly rag: Rag;
  readonly matchedOn: readonly string[];
}

/** `find …` in a personal chat: what the search found, most urgent first (the words searched are not repeated). */
export interface SearchResultsView {
  readonly cases: readonly FoundCase[];
  readonly more: boolean;
}

function row(found: FoundCase): CardElement {
  const rag = RAG[found.rag];
  return container(
    [
      text(caseTitle(found.case), { weight: "bolder" }),
      text(`Case ${found.case.id} ${STATE_PHRASES[found.case.state]}.`, { spacing: "none" }),
      text(`${rag.label}. Found in: ${found.matchedOn.map((f) => FOUND_IN[f] ?? f).join(", ")}.`, {
        color: rag.color,
        spacing: "none",
      }),
    ],
    { separator: true },
  );
}

export function searchResultsCards(view: SearchResultsView): AdaptiveCardJson[] {
  const count = view.cases.length;
  return packIntoCards(view.cases, {
    maxItems: CASES_PER_CARD,
    describe: (found) => `Case ${found.case.id}`,
    header: (part, parts) => [
      heading(`Cases found${parts > 1 ? ` (part ${part} of ${parts})` : ""}`),
      text(
        count === 0
          ? "No case you may see matches. Try a case reference, a referrer's email, a family name or a subject word."
          : `${count}${view.more ? " shown, and more: add a word to narrow the search" : " found"}, most urgent first. Send "case <reference>" to open one.`,
      ),
    ],
    render: (run) => run.map(row),
  });
}
