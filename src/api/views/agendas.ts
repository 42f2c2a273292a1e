import type { Outcome } from "../../domain/policy/profile-schema.js";
import type { StaffRole } from "../../domain/staff.js";
import type { WorklistName } from "../../domain/worklists.js";
import type { ApiDeps } from "../api-deps.js";
import type { AgendaResponse, DecisionMadeView, PanelName } from "../contract.js";
import { notFound } from "../errors.js";
import { loadCases, PAGE_SIZE, staffNames } from "./case-loader.js";
import { byRagThenDue, caseWithClocks } from "./clock-view.js";
import { requestClocks } from "./request-clocks.js";

export const PANELS: readonly PanelName[] = ["screening", "maam", "transfer-panel"];

const QUEUE: Record<PanelName, WorklistName> = {
  screening: "awaiting-screening",
  maam: "maam",
  "transfer-panel": "transfer-panel",
};

/** Who may decide, as the lifecycle's command rules say (screening: duty; panels: members and managers). */
export const DECIDERS: Record<PanelName, readonly StaffRole[]> = {
  screening: ["duty-worker", "manager"],
  maam: ["panel-member", "manager"],
  "transfer-panel": ["panel-member", "manager"],
};

/** The panel's name and outcomes from the profile; undefined when this framework has no such panel. */
export function panelOf(deps: ApiDeps, panel: PanelName): { name: string; outcomes: readonly Outcome[] } | undefined {
  const { profile } = deps.app;
  if (panel === "screening") return { name: "Daily screening", outcomes: profile.screeningOutcomes };
  const found = profile.panels.find((p) => p.id === panel);
  return found && { name: found.name, outcomes: found.outcomes };
}

/** Today's agenda: what is still open (one page of the queue), what was decided today, and the choices allowed. */
export async function agenda(deps: ApiDeps, panel: PanelName, continuation?: string): Promise<AgendaResponse> {
  const spec = panelOf(deps, panel);
  if (spec === undefined) throw notFound(`The ${panel} panel (this practice framework has none)`);
  const date = deps.app.calendar.localDate(deps.app.clock.now());
  const [page, decided, names] = await Promise.all([
    deps.app.worklists.list(QUEUE[panel], { top: PAGE_SIZE, ...(continuation ? { continuation } : {}) }),
    deps.compliance.decisionsOn(date),
    staffNames(deps),
  ]);
  const cases = await loadCases(deps, page.items);
  const clocks = requestClocks(deps.app);
  const label = (outcome: string) => spec.outcomes.find((o) => o.id === outcome)?.label ?? outcome;
  const decidedToday: DecisionMadeView[] = decided
    .filter((d) => d.panel === panel)
    .reverse()
    .map((d) => ({
      caseId: d.caseId,
      outcome: d.outcome,
      outcomeLabel: label(d.outcome),
      at: d.at,
      by: { kind: d.byKind, id: d.byId, ...(d.byName === undefined ? {} : { displayName: d.byName }) },
    }));
  return {
    panel,
    panelName: spec.name,
    date,
    open: cases.map((c) => caseWithClocks(c, clocks, names)).sort(byRagThenDue),
    ...(page.continuation ? { continuation: page.continuation } : {}),
    decidedToday,
    options: spec.outcomes.map((o) => ({ id: o.id, label: o.label, needs: o.needs })),
    deciderRoles: DECIDERS[panel],
  };
}
