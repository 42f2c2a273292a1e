import type { AgendaPage } from "../../app/queries/agenda.js";
import { outcomeLabel } from "../../app/queries/panels.js";
import type { AgendaResponse, StaffRoleName } from "../contract.js";
import { caseWithClocks } from "./case-views.js";

export const agendaView = (agenda: AgendaPage, names: ReadonlyMap<string, string>): AgendaResponse => ({
  panel: agenda.panel.id,
  panelName: agenda.panel.name,
  date: agenda.date,
  open: agenda.open.map((reading) => caseWithClocks(reading, names)),
  ...(agenda.continuation ? { continuation: agenda.continuation } : {}),
  decidedToday: agenda.decidedToday.map((d) => ({
    caseId: d.caseId,
    outcome: d.outcome,
    outcomeLabel: outcomeLabel(agenda.panel, d.outcome),
    at: d.at,
    by: { kind: d.byKind, id: d.byId, ...(d.byName === undefined ? {} : { displayName: d.byName }) },
  })),
  options: agenda.panel.outcomes.map((o) => ({ id: o.id, label: o.label, needs: o.needs })),
  deciderRoles: agenda.panel.deciderRoles as readonly StaffRoleName[],
});
