import type { SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Profile } from "../../src/domain/rules/profile-schema.js";
import type { CardElement } from "./card-json.js";
import type { DecisionMade } from "./elements/decision.js";
import { howToDecide, redrawReserveBytes } from "./elements/decision.js";
import { agendaDrawing, decidingIn, decisionOrInputs, type AgendaHeader, type RedrawnFor } from "./elements/agenda.js";
import { sharedCaseTitle, type SharedCase } from "./elements/shared-case.js";
import { container, text } from "./elements/text.js";

export const TRANSFER_DECIDE = "transfer.decide";
const ITEMS_PER_CARD = 10;
/** Longer summaries are cut on the card (the whole summary stays in the tab): four such fields fit a Teams message. */
const SUMMARY_FIELD_CHARS = 2000;

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

export interface TransferPanelView extends RedrawnFor {
  readonly timeZone: string;
  /** What the centre lets a shared chat see beyond the reference and kind (default: nothing more). */
  readonly detail?: SharedCardDetail;
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
      sharedCaseTitle(kase, view.detail),
      text(DIRECTION_LABEL[entry.direction], { isSubtle: true, spacing: "none" }),
      ...summary(view.panel, entry),
      ...decisionOrInputs(
        entry,
        {
          ...decidingIn({ ...view, outcomes: view.panel.outcomes, workers: [] }),
          verb: TRANSFER_DECIDE,
          caseId: kase.id,
          agendaCaseIds,
        },
        view.timeZone,
      ),
      ...(entry.decision ? followUps(view.panel, entry.decision) : []),
    ],
    { separator: true },
  );
}

function header(view: TransferPanelView): AgendaHeader {
  const count = view.items.length;
  return {
    title: view.panel.name,
    date: view.date,
    summary:
      count === 0
        ? "No cases are waiting for the panel."
        : `${count} ${count === 1 ? "case is" : "cases are"} presented.${view.panel.decisionsFinal === true ? " The panel's decision is final." : ""} ${howToDecide(view.panel.outcomes)}`,
  };
}

const drawing = agendaDrawing<TransferPanelItem, TransferPanelView>({
  item,
  header,
  itemsPerCard: ITEMS_PER_CARD,
  reserveBytes: (view) => redrawReserveBytes(view.panel.outcomes, []),
});

/** The weekly transfer panel agenda (Bexley): each case's transfer summary and the panel's final decision. */
export const transferPanelAgendaCards = drawing.cards;

/** One part of the agenda drawn again after a click, with exactly the items it showed. */
export const transferPanelAgendaCard = drawing.card;
