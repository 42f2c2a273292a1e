import type { DueClock } from "../../../src/app/queries/due-clocks.js";
import type { CardElement } from "../card-json.js";
import { dueWording, STATUS_COLOR, STATUS_LABEL } from "./clocks.js";
import { compareDeadlines } from "../../../src/domain/rules/urgency.js";
import { HIGH_RISK } from "./shared-case.js";
import { container, text } from "./text.js";

/** One clock on one case (or a practitioner's own), as the app's due-clock query gives it. */
export type DueItem = DueClock;

export const isOverdue = (item: DueItem): boolean =>
  item.deadline.status === "overdue" || item.deadline.status === "breached";

export const inRagOrder = <T extends DueItem>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => compareDeadlines(a.deadline, b.deadline));

/** "FC-2026-000123 · 1.2 Acknowledge the referrer: Overdue", its due dates and the rule's source. */
export function dueItemLine(item: DueItem, timeZone: string): CardElement {
  const d = item.deadline;
  const title =
    item.label ?? [item.caseId, item.caseSummary, item.highRisk ? HIGH_RISK : undefined].filter(Boolean).join(" · ");
  return container([
    text(`${title}: ${d.ruleId} ${d.ruleName} (${STATUS_LABEL[d.status]})`, {
      weight: "bolder",
      color: STATUS_COLOR[d.status],
    }),
    text(dueWording(d, timeZone), { spacing: "none" }),
    text(d.citation.display, { isSubtle: true, size: "small", spacing: "none" }),
  ]);
}

/** What a due list shows, in the order it shows it: overdue then due soon, each in RAG order. */
export const dueListed = <T extends DueItem>(items: readonly T[]): T[] =>
  inRagOrder(items).filter((i) => isOverdue(i) || i.deadline.status === "due-soon");

/**
 * The overdue section then the due-soon one, each in RAG order; empty sections are left out. `under` adds what goes
 * beneath an item (a nudge's actions).
 */
export function dueSections<T extends DueItem>(
  items: readonly T[],
  timeZone: string,
  under: (item: T) => readonly CardElement[] = () => [],
): CardElement[] {
  const ordered = inRagOrder(items);
  const overdue = ordered.filter(isOverdue);
  const soon = ordered.filter((i) => i.deadline.status === "due-soon");
  const line = (i: T) => [dueItemLine(i, timeZone), ...under(i)];
  return [
    ...(overdue.length > 0 ? [text("Overdue", { weight: "bolder", color: "attention" })] : []),
    ...overdue.flatMap(line),
    ...(soon.length > 0 ? [text("Due soon", { weight: "bolder", color: "warning" })] : []),
    ...soon.flatMap(line),
  ];
}
