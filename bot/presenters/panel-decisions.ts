import type { Case } from "../../src/domain/case.js";
import type { CaseEvent, CaseEventType } from "../../src/domain/case-events.js";
import type { Outcome, Profile } from "../../src/domain/rules/profile-schema.js";
import type { DecisionMade } from "../cards/elements/decision.js";

/** The decisions the bot records from cards, each with the event the lifecycle writes for it. */
const PANELS = {
  screening: { event: "screening.decided" },
  maam: { event: "maam.decided" },
  "transfer-panel": { event: "transfer-panel.decided" },
} as const satisfies Record<string, { event: CaseEventType }>;
export type PanelId = keyof typeof PANELS;

export function outcomesOf(profile: Profile, panel: PanelId): readonly Outcome[] {
  if (panel === "screening") return profile.screeningOutcomes;
  return profile.panels.find((p) => p.id === panel)?.outcomes ?? [];
}

/** A case as a use case answered it (no ETag: just changed) or as read (with its ETag). */
export interface CaseInHand {
  readonly case: Case;
  readonly etag?: string;
}

type DecisionEvent = CaseEvent<"screening.decided" | "maam.decided" | "transfer-panel.decided">;

/** The panel's latest decision on the case, as a card says it: who, when, which outcome (from the audit log). */
export function decisionMade(kase: Case, profile: Profile, panel: PanelId): DecisionMade | undefined {
  const event = kase.events.findLast((e): e is DecisionEvent => e.type === PANELS[panel].event);
  if (event === undefined) return undefined;
  const label = outcomesOf(profile, panel).find((o) => o.id === event.data.outcome)?.label ?? event.data.outcome;
  return { byName: event.by.displayName ?? event.by.id, at: event.at, outcomeLabel: label };
}
