import type { AdaptiveCardJson } from "./card-json.js";
import { dueListed, dueSections, type DueItem } from "./elements/due-items.js";
import { packIntoCards } from "./elements/split-cards.js";
import { heading, text } from "./elements/text.js";

const ITEMS_PER_CARD = 15;

/** `due` in a personal chat: what is overdue and what is due soon on your cases. */
export interface DueView {
  readonly timeZone: string;
  readonly items: readonly DueItem[];
}

/** The list in as many parts as a Teams message needs, overdue first. */
export function dueCards(view: DueView): AdaptiveCardJson[] {
  const listed = dueListed(view.items);
  return packIntoCards(listed, {
    maxItems: ITEMS_PER_CARD,
    describe: (item) => `Case ${item.caseId}`,
    header: (part, parts) => [
      heading(`Due soon and overdue${parts > 1 ? ` (part ${part} of ${parts})` : ""}`),
      ...(listed.length === 0 ? [text("Nothing is due soon or overdue on your cases.")] : []),
    ],
    render: (run) => dueSections(run, view.timeZone),
  });
}
