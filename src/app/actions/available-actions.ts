import { mayGive } from "../../domain/lifecycle/command-rules.js";
import type { Profile } from "../../domain/rules/profile-schema.js";
import type { StoredCase } from "../../ports/cases.js";
import type { AppDeps } from "../app-deps.js";
import type { Decider } from "../decider.js";
import { practitionerCaseloads } from "../queries/caseloads.js";
import { clocksNow } from "../queries/clocks-now.js";
import type { ActionContext, CaseAction, CaseActionSpec } from "./case-action.js";
import { CASE_ACTIONS } from "./catalogue.js";
import { eventsOf } from "./rule-events.js";

/** The profile's rules an action serves: those naming any event it records. */
export const rulesServed = (profile: Profile, spec: Pick<CaseActionSpec, "events">): string[] =>
  profile.rules.filter((rule) => eventsOf(rule).some((event) => spec.events.includes(event))).map((r) => r.id);

/** What an action needs to know of the case and the centre to offer itself and its inputs. */
export async function actionContext(
  deps: Pick<AppDeps, "staff" | "worklists" | "profile" | "calendar" | "clock" | "centres">,
  stored: StoredCase,
): Promise<ActionContext> {
  const caseloads = await practitionerCaseloads(deps);
  return {
    kase: stored.case,
    contacts: stored.contacts,
    profile: deps.profile,
    practitioners: caseloads.map((c) => ({
      value: c.member.id,
      label: `${c.member.displayName} (${c.openCases} of ${c.limit} families)`,
    })),
    clocks: clocksNow(deps).all(stored.case),
    otherCentres: (deps.centres?.otherCentres() ?? []).map((c) => ({ value: c.id, label: c.name })),
  };
}

/** Whether this person may take this action on this case now: the lifecycle's rule, and a use for it here. */
export const isAvailable = (spec: CaseActionSpec, ctx: ActionContext, who: Decider): boolean =>
  (spec.offered?.(ctx) ?? true) &&
  ("gate" in spec.allowed ? spec.allowed.gate(ctx, who) : mayGive(ctx.kase, spec.allowed.command, who.roles));

/**
 * Every action this person may take on this case now, derived from the case's state, their roles and the profile
 * (never a hand-kept list): the tab's case page and the bot's case card render exactly these.
 */
export async function caseActions(
  deps: Pick<AppDeps, "staff" | "worklists" | "profile" | "calendar" | "clock" | "centres">,
  stored: StoredCase,
  who: Decider,
): Promise<CaseAction[]> {
  const ctx = await actionContext(deps, stored);
  return CASE_ACTIONS.filter((spec) => isAvailable(spec, ctx, who)).map((spec) => ({
    id: spec.id,
    label: spec.label,
    rules: rulesServed(deps.profile, spec),
    inputs: spec.inputs(ctx),
  }));
}
