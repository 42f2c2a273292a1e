import type { Actor } from "../../src/domain/actor.js";
import type { Case } from "../../src/domain/case.js";
import { EVENT_PHRASES } from "../../src/domain/case-event-phrases.js";
import { CONTACT_KIND_LABELS } from "../../src/domain/contact.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import type { CaseAction } from "../../src/app/actions/case-action.js";
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from "./card-json.js";
import { caseActionCard } from "./elements/case-actions.js";
import { clockLines } from "./elements/clocks.js";
import { formatInstant } from "./elements/london-time.js";
import { container, facts, heading, text } from "./elements/text.js";

const TIMELINE_LENGTH = 10;

/** `case <reference>` in a personal chat: the one place a card may name the family. */
export interface CaseCardView {
  readonly timeZone: string;
  readonly case: Pick<Case, "id" | "kind" | "state" | "summary" | "family" | "events">;
  readonly leadWorkerName?: string;
  readonly clocks: readonly Deadline[];
  /** What this person may do on the case now: the tab's case page offers the same. */
  readonly actions: readonly CaseAction[];
}

export { CASE_ACTION_VERB } from "./elements/case-actions.js";

const who = (actor: Actor): string => actor.displayName ?? (actor.kind === "system" ? "The service" : actor.id);

/** The last events, newest first: when, who, what. */
function timeline(view: CaseCardView): CardElement[] {
  const recent = view.case.events.slice(-TIMELINE_LENGTH).reverse();
  return recent.map((event) =>
    text(`${formatInstant(event.at, view.timeZone)} · ${who(event.by)} · ${EVENT_PHRASES[event.type]}`, {
      spacing: "none",
    }),
  );
}

export function caseCard(view: CaseCardView): AdaptiveCardJson {
  const kase = view.case;
  const family = kase.family?.name;
  return adaptiveCard(
    [
      heading(`Case ${kase.id}${family ? ` · ${family}` : ""}`),
      text(`Case ${kase.id} ${STATE_PHRASES[kase.state]}.`),
      facts([
        ["Kind", CONTACT_KIND_LABELS[kase.kind]],
        ...(kase.summary ? [["Summary", kase.summary] as const] : []),
        ["Lead worker", view.leadWorkerName ?? "None allocated"],
      ]),
      container([text("Clocks", { weight: "bolder" }), ...clockLines(view.clocks, view.timeZone)], { separator: true }),
      container([text("Recent timeline", { weight: "bolder" }), ...timeline(view)], { separator: true }),
    ],
    view.actions.map((action) => caseActionCard(kase.id, action)),
  );
}
