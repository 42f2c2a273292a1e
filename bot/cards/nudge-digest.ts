import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { AdaptiveCardJson } from "./card-json.js";
import { clockActionSet, type ActionableDueItem } from "./elements/clock-actions.js";
import { dueListed, dueSections } from "./elements/due-items.js";
import { formatDate } from "./elements/london-time.js";
import { packIntoCards } from "./elements/split-cards.js";
import { heading, text } from "./elements/text.js";

const ITEMS_PER_CARD = 15;

/** The morning digest, one per person per working day, in their personal chat. */
export interface NudgeDigestView {
  readonly timeZone: string;
  readonly personName: string;
  readonly date: LocalDate;
  /** Each clock, with what stops it where the person may do that now (their own digest only). */
  readonly items: readonly ActionableDueItem[];
}

/** The digest in as many parts as a Teams message needs, most urgent first. */
export function nudgeDigestCards(view: NudgeDigestView): AdaptiveCardJson[] {
  const listed = dueListed(view.items);
  return packIntoCards(listed, {
    maxItems: ITEMS_PER_CARD,
    describe: (item) => `Case ${item.caseId}`,
    header: (part, parts) => [
      heading(
        `Good morning ${view.personName}: your clocks for ${formatDate(view.date)}${parts > 1 ? ` (part ${part} of ${parts})` : ""}`,
      ),
      ...(listed.length === 0 ? [text("Nothing is due soon or overdue today.")] : []),
    ],
    render: (run) => dueSections(run, view.timeZone, clockActionSet),
  });
}
