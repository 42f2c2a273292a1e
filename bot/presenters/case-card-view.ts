import { caseActions } from "../../src/app/actions/available-actions.js";
import type { Decider } from "../../src/app/decider.js";
import { clocksNow } from "../../src/app/queries/clocks-now.js";
import { nameOf } from "../../src/app/queries/staff-directory.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import { caseCard } from "../cards/case-card.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";

/** The personal case card: the case, its clocks, its timeline, and what this person may do on it now. */
export async function caseCardFor(deps: BotDeps, stored: StoredCase, who: Decider): Promise<AdaptiveCardJson> {
  const kase = stored.case;
  const [leadWorkerName, actions] = await Promise.all([
    kase.leadWorkerId === undefined ? undefined : nameOf(deps.app, kase.leadWorkerId, kase.leadWorkerId),
    caseActions(deps.app, stored, who),
  ]);
  return caseCard({
    timeZone: deps.app.calendar.timeZone,
    case: kase,
    ...(leadWorkerName ? { leadWorkerName } : {}),
    clocks: clocksNow(deps.app).all(kase),
    actions,
  });
}
