import type { LocalDate } from "../../domain/calendar/calendar.js";
import type { PanelDecisionEntry } from "../../ports/indexes.js";
import type { AppDeps } from "../app-deps.js";
import { byUrgency, readCase, type CaseReading } from "./case-reading.js";
import { clocksNow } from "./clocks-now.js";
import { panelOf, type PanelId, type PanelSpec } from "./panels.js";
import { casesOn, casesOnPage } from "./worklist-cases.js";

export interface AgendaPage {
  readonly panel: PanelSpec;
  /** The London date of the agenda. */
  readonly date: LocalDate;
  /** Still to decide: one page of the panel's queue, most urgent first. */
  readonly open: readonly CaseReading[];
  readonly continuation?: string;
  /** Decided today (London day), newest first. */
  readonly decidedToday: readonly PanelDecisionEntry[];
}

/** Today's agenda of a panel; undefined when this practice framework has no such panel. */
export async function agendaPage(
  deps: Pick<AppDeps, "worklists" | "cases" | "compliance" | "profile" | "calendar" | "clock">,
  id: PanelId,
  continuation?: string,
): Promise<AgendaPage | undefined> {
  const panel = panelOf(deps.profile, id);
  if (panel === undefined) return undefined;
  const clocks = clocksNow(deps);
  const date = deps.calendar.localDate(clocks.now);
  const [page, decided] = await Promise.all([
    casesOnPage(deps, panel.queue, continuation),
    deps.compliance.decisionsOn(date),
  ]);
  return {
    panel,
    date,
    open: page.cases.map((stored) => readCase(stored, clocks)).sort(byUrgency),
    ...(page.continuation ? { continuation: page.continuation } : {}),
    decidedToday: decided.filter((d) => d.panel === id).reverse(),
  };
}

/** Every case waiting for the panel (an agenda card: tens of cases), oldest on the list first. */
export async function agendaCases(deps: Pick<AppDeps, "worklists" | "cases" | "profile">, id: PanelId) {
  const panel = panelOf(deps.profile, id);
  return panel === undefined ? [] : casesOn(deps, panel.queue);
}
