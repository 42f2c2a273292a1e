import type { Case } from "../../src/domain/case.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import type { AdaptiveCardJson, CardElement } from "./card-json.js";
import { dueWording, STATUS_COLOR, STATUS_LABEL } from "./elements/clocks.js";
import { nextDeadline } from "../../src/domain/rules/urgency.js";
import { caseTitle } from "./elements/shared-case.js";
import { packIntoCards } from "./elements/split-cards.js";
import { container, heading, text } from "./elements/text.js";

const CASES_PER_CARD = 15;

export interface MyCase {
  readonly case: Pick<Case, "id" | "kind" | "state" | "summary" | "highRisk">;
  readonly clocks: readonly Deadline[];
}

/** `my cases` in a personal chat. */
export interface MyCasesView {
  readonly timeZone: string;
  readonly cases: readonly MyCase[];
}

function row(entry: MyCase, timeZone: string): CardElement {
  const next = nextDeadline(entry.clocks);
  return container(
    [
      text(caseTitle(entry.case), { weight: "bolder" }),
      text(`Case ${entry.case.id} ${STATE_PHRASES[entry.case.state]}.`, { spacing: "none" }),
      next
        ? text(`Next: ${next.ruleId} ${next.ruleName}, ${STATUS_LABEL[next.status]}. ${dueWording(next, timeZone)}`, {
            color: STATUS_COLOR[next.status],
            spacing: "none",
          })
        : text("No clocks running.", { isSubtle: true, spacing: "none" }),
    ],
    { separator: true },
  );
}

/** Your cases in the order given (most urgent first, as the tab's "my cases" orders them), in parts that fit Teams. */
export function myCasesCards(view: MyCasesView): AdaptiveCardJson[] {
  const count = view.cases.length;
  return packIntoCards(view.cases, {
    maxItems: CASES_PER_CARD,
    describe: (entry) => `Case ${entry.case.id}`,
    header: (part, parts) => [
      heading(`My cases${parts > 1 ? ` (part ${part} of ${parts})` : ""}`),
      text(count === 0 ? "You have no open cases." : `${count} open, most urgent first.`),
    ],
    render: (run) => run.map((c) => row(c, view.timeZone)),
  });
}
