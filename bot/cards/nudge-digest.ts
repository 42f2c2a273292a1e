import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { dueSections, type DueItem } from "./elements/due-items.js";
import { formatDate } from "./elements/london-time.js";
import { heading, text } from "./elements/text.js";

/** The morning digest, one per person per working day, in their personal chat. */
export interface NudgeDigestView {
  readonly timeZone: string;
  readonly personName: string;
  readonly date: LocalDate;
  readonly items: readonly DueItem[];
}

export function nudgeDigestCard(view: NudgeDigestView): AdaptiveCardJson {
  const sections = dueSections(view.items, view.timeZone);
  return adaptiveCard([
    heading(`Good morning ${view.personName}: your clocks for ${formatDate(view.date)}`),
    ...(sections.length === 0 ? [text("Nothing is due soon or overdue today.")] : sections),
  ]);
}
