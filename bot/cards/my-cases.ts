import type { Case } from "../../src/domain/case.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from "./card-json.js";
import { dueWording, STATUS_COLOR, STATUS_LABEL } from "./elements/clocks.js";
import { nextDeadline } from "../../src/domain/rules/urgency.js";
import { caseTitle } from "./elements/shared-case.js";
import { container, heading, text } from "./elements/text.js";

export interface MyCase {
  readonly case: Pick<Case, "id" | "kind" | "state" | "summary">;
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

/** Your cases in the order given: most urgent first, as the tab's "my cases" orders them. */
export function myCasesCard(view: MyCasesView): AdaptiveCardJson {
  const ordered = view.cases;
  return adaptiveCard([
    heading("My cases"),
    ...(ordered.length === 0
      ? [text("You have no open cases.")]
      : [text(`${ordered.length} open, most urgent first.`), ...ordered.map((c) => row(c, view.timeZone))]),
  ]);
}
