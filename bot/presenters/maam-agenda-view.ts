import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import { deadlines } from "../../src/domain/rules/deadlines.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { CaseInHand } from "./panel-decisions.js";
import type { BotDeps } from "../bot-deps.js";
import type { MaamAgendaItem, MaamAgendaView } from "../cards/maam-agenda.js";
import { panelAgendaView } from "./panel-agenda-view.js";
import { decisionMade } from "../../src/app/queries/panels.js";
import { sharedCardDetail } from "./shared-card-detail.js";
import { workerChoices } from "./workers.js";

/** Rule 1.1 times presentation at MAAM; the card shows that clock's days left. */
const PRESENT_AT_MAAM_RULE = "1.1";

export function maamItem(deps: BotDeps, stored: CaseInHand, now: Date): MaamAgendaItem {
  const { profile, calendar } = deps.app;
  const decision = stored.case.state === "awaiting-maam" ? undefined : decisionMade(stored.case, profile, "maam");
  const clock = deadlines(stored.case, profile, calendar, now).findLast((d) => d.ruleId === PRESENT_AT_MAAM_RULE);
  return {
    case: stored.case,
    ...(clock ? { clock } : {}),
    ...(decision ? { decision } : stored.etag === undefined ? {} : { etag: stored.etag }),
  };
}

export async function maamAgendaView(
  deps: BotDeps,
  cases: readonly StoredCase[],
  /** The day the agenda is for: a queued agenda posted late still says its own day. */
  date?: LocalDate,
): Promise<MaamAgendaView> {
  const now = deps.app.clock.now();
  return panelAgendaView(
    deps,
    "maam",
    await workerChoices(deps),
    cases.map((c) => maamItem(deps, c, now)),
    now,
    await sharedCardDetail(deps),
    date,
  );
}
