import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Profile } from "../../src/domain/rules/profile-schema.js";
import type { AdaptiveCardJson, CardElement } from "./card-json.js";
import type { DecisionMade } from "./elements/decision.js";
import { agendaCards, decisionOrInputs } from "./elements/agenda.js";
import { sharedCaseTitle, type SharedCase } from "./elements/shared-case.js";
import { container, text } from "./elements/text.js";

export const TRANSFER_DECIDE = "transfer.decide";
const ITEMS_PER_CARD = 10;
/** Longer summaries are cut on the card (the whole summary stays in the tab) so an item always fits. */
const SUMMARY_FIELD_CHARS = 3000;

export type Panel = Profile["panels"][number];

const DIRECTION_LABEL = {
  "to-early-help": "From Children's Social Care to early help",
  "to-social-care": "From early help to Children's Social Care",
} as const;

export interface TransferDecision extends DecisionMade {
  /** Follow-up task ids (the panel's `followUpTasks`) already done. */
  readonly done: readonly string[];
}

export interface TransferPanelItem {
  readonly case: SharedCase;
  readonly direction: keyof typeof DIRECTION_LABEL;
  /** The presenting worker's transfer summary, by the panel's summary field id. */
  readonly summary: Readonly<Record<string, string>>;
  readonly etag?: string;
  readonly decision?: TransferDecision;
}

export interface TransferPanelView {
  readonly timeZone: string;
  readonly date: LocalDate;
  readonly panel: Panel;
  readonly items: readonly TransferPanelItem[];
}

const clip = (value: string): string =>
  value.length <= SUMMARY_FIELD_CHARS
    ? value
    : `${value.slice(0, SUMMARY_FIELD_CHARS)}… (the full summary is in the tab)`;

function summary(panel: Panel, entry: TransferPanelItem): CardElement[] {
  return panel.summaryFields.flatMap((field) => [
    text(field.label, { weight: "bolder", spacing: "small" }),
    text(clip(entry.summary[field.id] ?? "Not given."), { spacing: "none" }),
  ]);
}

/** After a final decision, the tasks that follow it as a checklist. */
function followUps(panel: Panel, decision: TransferDecision): CardElement[] {
  if (panel.followUpTasks.length === 0) return [];
  return [
    text("Follow-up tasks", { weight: "bolder" }),
    ...panel.followUpTasks.map((task) => {
      const done = decision.done.includes(task.id);
      return text(`${done ? "☑" : "☐"} ${task.label}${done ? " (done)" : ""}`, {
        spacing: "none",
        color: done ? "good" : "default",
      });
    }),
  ];
}

function item(view: TransferPanelView, entry: TransferPanelItem, agendaCaseIds: readonly string[]): CardElement {
  const kase = entry.case;
  return container(
    [
      sharedCaseTitle(kase),
      text(DIRECTION_LABEL[entry.direction], { isSubtle: true, spacing: "none" }),
      ...summary(view.panel, entry),
      ...decisionOrInputs(
        entry,
        { verb: TRANSFER_DECIDE, caseId: kase.id, outcomes: view.panel.outcomes, agendaCaseIds },
        [],
        view.timeZone,
      ),
      ...(entry.decision ? followUps(view.panel, entry.decision) : []),
    ],
    { separator: true },
  );
}

/** The weekly transfer panel agenda (Bexley): each case's transfer summary and the panel's final decision. */
export function transferPanelAgendaCards(view: TransferPanelView): AdaptiveCardJson[] {
  const count = view.items.length;
  return agendaCards(
    view.items,
    (entry, ids) => item(view, entry, ids),
    {
      title: view.panel.name,
      date: view.date,
      summary:
        count === 0
          ? "No cases are waiting for the panel."
          : `${count} ${count === 1 ? "case is" : "cases are"} presented.${view.panel.decisionsFinal === true ? " The panel's decision is final." : ""}`,
    },
    ITEMS_PER_CARD,
  );
}
