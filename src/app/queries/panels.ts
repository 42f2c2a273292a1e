import type { Actor } from "../../domain/actor.js";
import type { Case, CaseState } from "../../domain/case.js";
import type { CaseEvent } from "../../domain/case-events.js";
import { rolesFor } from "../../domain/lifecycle/command-rules.js";
import type { CaseCommandType } from "../../domain/lifecycle/index.js";
import { offeredOutcomes } from "../../domain/lifecycle/outcomes.js";
import type { Outcome, Profile } from "../../domain/rules/profile-schema.js";
import type { StaffRole } from "../../domain/staff.js";
import type { WorklistName } from "../../domain/worklists.js";

export const PANEL_IDS = ["screening", "maam", "transfer-panel"] as const;
export type PanelId = (typeof PANEL_IDS)[number];

type DecisionEventType = "screening.decided" | "maam.decided" | "transfer-panel.decided";

/** What the service knows of each panel, whatever the profile calls it. */
const PANELS: Record<
  PanelId,
  { queue: WorklistName; awaiting: CaseState; command: CaseCommandType; event: DecisionEventType }
> = {
  screening: {
    queue: "awaiting-screening",
    awaiting: "awaiting-screening",
    command: "recordScreeningDecision",
    event: "screening.decided",
  },
  maam: { queue: "maam", awaiting: "awaiting-maam", command: "recordMaamDecision", event: "maam.decided" },
  "transfer-panel": {
    queue: "transfer-panel",
    awaiting: "awaiting-transfer-panel",
    command: "recordTransferPanelDecision",
    event: "transfer-panel.decided",
  },
};

/** A panel as this practice framework runs it: the outcomes on offer and who may decide, for every door alike. */
export interface PanelSpec {
  readonly id: PanelId;
  readonly name: string;
  readonly outcomes: readonly Outcome[];
  readonly deciderRoles: readonly StaffRole[];
  /** The worklist of cases waiting for it. */
  readonly queue: WorklistName;
  /** The state of a case still to be decided. */
  readonly awaiting: CaseState;
  readonly event: DecisionEventType;
}

export const isPanelId = (value: unknown): value is PanelId => (PANEL_IDS as readonly unknown[]).includes(value);

/** Whether a case in this state waits on a panel's agenda (screening, MAAM, the transfer panel). */
export const isOnPanelAgenda = (state: CaseState): boolean => PANEL_IDS.some((id) => PANELS[id].awaiting === state);

/** The panel's name and outcomes from the profile; undefined when this framework has no such panel. */
export function panelOf(profile: Profile, id: PanelId): PanelSpec | undefined {
  const known = PANELS[id];
  const base = {
    id,
    queue: known.queue,
    awaiting: known.awaiting,
    event: known.event,
    deciderRoles: rolesFor(known.command),
  };
  const outcomes = offeredOutcomes(profile, id);
  if (id === "screening") return { ...base, name: "Daily screening", outcomes };
  const panel = profile.panels.find((p) => p.id === id);
  return panel && { ...base, name: panel.name, outcomes };
}

/** The outcome's label as the profile words it (an outcome since removed from the profile keeps its id). */
export const outcomeLabel = (spec: Pick<PanelSpec, "outcomes">, outcome: string): string =>
  spec.outcomes.find((o) => o.id === outcome)?.label ?? outcome;

/** A decision already recorded, from the audit log: who, when, which outcome. */
export interface DecisionMade {
  readonly by: Actor;
  readonly byName: string;
  /** UTC ISO-8601. */
  readonly at: string;
  readonly outcome: string;
  readonly outcomeLabel: string;
  readonly note?: string;
}

/** The panel's latest decision on the case, if it has one. */
export function decisionMade(kase: Case, profile: Profile, id: PanelId): DecisionMade | undefined {
  const spec = panelOf(profile, id);
  const event = kase.events.findLast((e): e is CaseEvent<DecisionEventType> => e.type === PANELS[id].event);
  if (event === undefined) return undefined;
  return {
    by: event.by,
    byName: event.by.displayName ?? event.by.id,
    at: event.at,
    outcome: event.data.outcome,
    outcomeLabel: spec ? outcomeLabel(spec, event.data.outcome) : event.data.outcome,
    ...(event.data.note === undefined ? {} : { note: event.data.note }),
  };
}
