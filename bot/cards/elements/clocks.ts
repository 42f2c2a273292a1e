import type { Deadline, DeadlineStatus } from "../../../src/domain/rules/deadline.js";
import type { CardElement } from "../card-json.js";
import { formatDue } from "./london-time.js";
import { container, text, type TextColor } from "./text.js";

/** Red/amber/green as Teams colours them; settled clocks stay plain. */
export const STATUS_COLOR: Record<DeadlineStatus, TextColor> = {
  "on-track": "good",
  "due-soon": "warning",
  overdue: "attention",
  breached: "attention",
  met: "default",
  cancelled: "default",
};

export const STATUS_LABEL: Record<DeadlineStatus, string> = {
  "on-track": "On track",
  "due-soon": "Due soon",
  overdue: "Overdue",
  breached: "Past its maximum",
  met: "Met",
  cancelled: "Cancelled",
};

const RUNNING: readonly DeadlineStatus[] = ["breached", "overdue", "due-soon", "on-track"];

/** Clocks still counting (not met or cancelled). */
export const runningClocks = (deadlines: readonly Deadline[]): Deadline[] =>
  deadlines.filter((d) => RUNNING.includes(d.status));

/** "Expected by end of Tue 1 Dec 2026 · at the latest end of Thu 3 Dec 2026". */
export function dueWording(deadline: Deadline, timeZone: string): string {
  const parts = [
    deadline.expected && `Expected by ${formatDue(deadline.expected.at, timeZone)}`,
    deadline.maximum && `${deadline.expected ? "at the latest" : "Due by"} ${formatDue(deadline.maximum.at, timeZone)}`,
  ].filter((p): p is string => p !== undefined);
  return parts.join(" · ");
}

/** One clock: rule, status in its RAG colour, due dates, and where the rule comes from. */
export function clockLine(deadline: Deadline, timeZone: string): CardElement {
  return container([
    text(`${deadline.ruleId} ${deadline.ruleName}: ${STATUS_LABEL[deadline.status]}`, {
      weight: "bolder",
      color: STATUS_COLOR[deadline.status],
    }),
    text(dueWording(deadline, timeZone), { spacing: "none" }),
    text(deadline.citation.display, { isSubtle: true, size: "small", spacing: "none" }),
  ]);
}

/** Every running clock, or a plain sentence when none is. */
export function clockLines(deadlines: readonly Deadline[], timeZone: string): CardElement[] {
  const running = runningClocks(deadlines);
  return running.length === 0
    ? [text("No clocks running.", { isSubtle: true })]
    : running.map((d) => clockLine(d, timeZone));
}
