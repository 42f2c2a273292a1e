import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import { deadlines } from "../../src/domain/rules/deadlines.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { CaseInHand } from "./panel-decisions.js";
import type { BotDeps } from "../bot-deps.js";
import type { ScreeningAgendaItem, ScreeningAgendaView } from "../cards/screening-agenda.js";
import { panelAgendaView } from "./panel-agenda-view.js";
import { decisionMade } from "../../src/app/queries/panels.js";
import { sharedCardDetail } from "./shared-card-detail.js";
import { workerChoices } from "./workers.js";

/** An agenda item: decided items show who decided; open ones carry the ETag the card was built from. */
export function screeningItem(deps: BotDeps, stored: CaseInHand, now: Date): ScreeningAgendaItem {
  const { profile, calendar } = deps.app;
  const decision =
    stored.case.state === "awaiting-screening" ? undefined : decisionMade(stored.case, profile, "screening");
  return {
    case: stored.case,
    clocks: deadlines(stored.case, profile, calendar, now),
    ...(decision ? { decision } : stored.etag === undefined ? {} : { etag: stored.etag }),
  };
}

export async function screeningAgendaView(
  deps: BotDeps,
  cases: readonly StoredCase[],
  /** The day the agenda is for: a queued agenda posted late still says its own day. */
  date?: LocalDate,
): Promise<ScreeningAgendaView> {
  const now = deps.app.clock.now();
  return panelAgendaView(
    deps,
    "screening",
    await workerChoices(deps),
    cases.map((c) => screeningItem(deps, c, now)),
    now,
    await sharedCardDetail(deps),
    date,
  );
}
