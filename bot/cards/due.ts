import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { dueSections, type DueItem } from "./elements/due-items.js";
import { heading, text } from "./elements/text.js";

/** `due` in a personal chat: what is overdue and what is due soon on your cases. */
export interface DueView {
  readonly timeZone: string;
  readonly items: readonly DueItem[];
}

export function dueCard(view: DueView): AdaptiveCardJson {
  const sections = dueSections(view.items, view.timeZone);
  return adaptiveCard([
    heading("Due soon and overdue"),
    ...(sections.length === 0 ? [text("Nothing is due soon or overdue on your cases.")] : sections),
  ]);
}
