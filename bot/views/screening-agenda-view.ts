import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import { deadlines } from "../../src/domain/policy/deadlines.js";
import type { StoredCase } from "../../src/ports.js";
import type { CaseInHand } from "./panel-decisions.js";
import type { BotDeps } from "../bot-deps.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import type { ScreeningAgendaItem, ScreeningAgendaView } from "../cards/screening-agenda.js";
import { decisionMade, outcomesOf } from "./panel-decisions.js";
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
  return screeningViewOf(
    deps,
    await workerChoices(deps),
    cases.map((c) => screeningItem(deps, c, now)),
    now,
    date,
  );
}

/** The agenda around items already built (a decision's refreshed card reuses the items it has in hand). */
export function screeningViewOf(
  deps: BotDeps,
  workers: readonly WorkerChoice[],
  items: readonly ScreeningAgendaItem[],
  now: Date,
  date?: LocalDate,
): ScreeningAgendaView {
  return {
    timeZone: deps.app.calendar.timeZone,
    now: now.toISOString(),
    date: date ?? deps.app.calendar.localDate(now),
    outcomes: outcomesOf(deps.app.profile, "screening"),
    workers,
    items,
  };
}
