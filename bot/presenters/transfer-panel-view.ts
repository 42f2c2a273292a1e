import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { Case } from "../../src/domain/case.js";
import type { CaseEvent, CaseEventType } from "../../src/domain/case-events.js";
import type { SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import type { Panel, TransferPanelItem, TransferPanelView } from "../cards/transfer-panel-agenda.js";
import { decisionMade } from "../../src/app/queries/panels.js";

export const TRANSFER_PANEL_ID = "transfer-panel";

/** The event that marks each of the panel's follow-up tasks done. */
const TASK_EVENTS: Readonly<Record<string, CaseEventType>> = {
  "handover-meeting": "handover-meeting.held",
  "ending-letter": "ending-letter.sent",
};

export const transferPanelOf = (deps: BotDeps): Panel | undefined =>
  deps.app.profile.panels.find((p) => p.id === TRANSFER_PANEL_ID);

function lastRequest(kase: Case): CaseEvent<"transfer-panel.requested"> | undefined {
  return kase.events.findLast((e): e is CaseEvent<"transfer-panel.requested"> => e.type === "transfer-panel.requested");
}

function transferItem(deps: BotDeps, panel: Panel, stored: StoredCase): TransferPanelItem {
  const kase = stored.case;
  const request = lastRequest(kase);
  const decided =
    kase.state === "awaiting-transfer-panel" ? undefined : decisionMade(kase, deps.app.profile, TRANSFER_PANEL_ID);
  const done = panel.followUpTasks
    .filter((task) => kase.events.some((e) => e.type === TASK_EVENTS[task.id]))
    .map((task) => task.id);
  return {
    case: kase,
    direction: request?.data.direction ?? "to-early-help",
    summary:
      kase.events.findLast((e): e is CaseEvent<"transfer-summary.recorded"> => e.type === "transfer-summary.recorded")
        ?.data.fields ?? {},
    ...(decided ? { decision: { ...decided, done } } : { etag: stored.etag }),
  };
}

export function transferPanelView(
  deps: BotDeps,
  panel: Panel,
  cases: readonly StoredCase[],
  /** How much the centre lets the panel's chat see of each case. */
  detail: SharedCardDetail,
  /** The day the agenda is for: a queued agenda posted late still says its own day. */
  date?: LocalDate,
): TransferPanelView {
  const now = deps.app.clock.now();
  return {
    timeZone: deps.app.calendar.timeZone,
    detail,
    date: date ?? deps.app.calendar.localDate(now),
    panel,
    items: cases.map((c) => transferItem(deps, panel, c)),
  };
}
