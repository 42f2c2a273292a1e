import type { LocalDate } from "../../src/domain/calendar/calendar.js";
import type { OutboxItem } from "../../src/ports/outbox.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import { cardBytes, MAX_CARD_BYTES, type AdaptiveCardJson } from "../cards/card-json.js";
import { escalationCard } from "../cards/escalation.js";
import { nudgeDigestCards } from "../cards/nudge-digest.js";
import { overdueNoteCard } from "../cards/overdue-note.js";
import { preAllocationReminderCard } from "../cards/pre-allocation-reminder.js";
import { quarantineNoticeCard } from "../cards/quarantine-notice.js";
import { removedUnderRetentionCard } from "../cards/removed-under-retention.js";
import { RETENTION_REMOVED_PURPOSE } from "../../src/app/data-protection/removed-card-notices.js";
import { transferPanelAgendaCards } from "../cards/transfer-panel-agenda.js";
import { triageCard } from "../cards/triage.js";
import { maamAgenda, screeningAgenda } from "../presenters/agenda-cards.js";
import { clockStillDue, type DueClock } from "../../src/app/queries/due-clocks.js";
import type { ActionableDueItem } from "../cards/elements/clock-actions.js";
import { nameOf } from "../../src/app/queries/staff-directory.js";
import { clockRef, stillDueAll } from "../presenters/due-clocks.js";
import { staffIdOf, withStoppingActions } from "../presenters/nudge-actions.js";
import { transferPanelOf, transferPanelView } from "../presenters/transfer-panel-view.js";
import { sharedCardDetail } from "../presenters/shared-card-detail.js";
import { triageView, type TriageFinding } from "../presenters/triage-view.js";
import { TeamsDeliveryError } from "../../src/ports/teams.js";
import { CardError } from "../cards/errors.js";
import { ProactiveError, unknownOutboxPurpose } from "./errors.js";
import type { CardJson } from "./teams-notifier.js";

type Payload = Readonly<Record<string, unknown>>;
type Render = (deps: BotDeps, item: OutboxItem) => Promise<AdaptiveCardJson[]>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** The day a queued agenda is for (`AgendaPayload.date`), so that one posted late still says its own day. */
const agendaDate = (payload: Payload): LocalDate | undefined =>
  typeof payload["date"] === "string" ? payload["date"] : undefined;

/** The agenda's cases as they stand now (decided ones show who decided); a case gone since is left out. */
async function casesOf(deps: BotDeps, payload: Payload): Promise<StoredCase[]> {
  const found = await Promise.all(strings(payload["caseIds"]).map((id) => deps.app.cases.findCase(id)));
  return found.filter((c): c is StoredCase => c !== undefined);
}

const transferPanelAgenda: Render = async (deps, item) => {
  const panel = transferPanelOf(deps);
  // Only a profile with the panel queues its agenda; a profile changed since has no agenda to show.
  return panel === undefined
    ? []
    : transferPanelAgendaCards(
        transferPanelView(
          deps,
          panel,
          await casesOf(deps, item.payload),
          await sharedCardDetail(deps),
          agendaDate(item.payload),
        ),
      );
};

/** Without the clocks' actions: what a nudge falls back to when its actions would not fit a Teams message. */
const withoutActions = (item: ActionableDueItem): DueClock => {
  const { actions, ...clock } = item;
  void actions;
  return clock;
};

const digest: Render = async (deps, { payload }) => {
  const clocks = Array.isArray(payload["clocks"]) ? (payload["clocks"] as unknown[]) : [];
  const staffId = staffIdOf(payload["conversation"]);
  const view = {
    timeZone: deps.app.calendar.timeZone,
    personName: await nameOf(deps.app, staffId, staffId === undefined ? "duty team" : "there"),
    date: typeof payload["date"] === "string" ? payload["date"] : deps.app.calendar.localDate(deps.app.clock.now()),
    items: await withStoppingActions(deps, payload["conversation"], await stillDueAll(deps, clocks)),
  };
  try {
    return nudgeDigestCards(view);
  } catch (error) {
    // One clock's actions too large for a Teams message (a long worker list): the digest goes without actions.
    if (!(error instanceof CardError)) throw error;
    return nudgeDigestCards({ ...view, items: view.items.map(withoutActions) });
  }
};

/** One clock's nudge, only while that clock still needs someone; in a personal chat, with what stops it. */
const aboutOneClock =
  (card: (deps: BotDeps, item: ActionableDueItem, payload: Payload) => Promise<AdaptiveCardJson>): Render =>
  async (deps, { payload }) => {
    const ref = clockRef(payload);
    const due = ref === undefined ? undefined : await clockStillDue(deps.app, ref);
    if (due === undefined) return [];
    const [item] = await withStoppingActions(deps, payload["conversation"], [due]);
    const drawn = await card(deps, item ?? due, payload);
    // Its actions too large for a Teams message (a long worker list): the nudge goes without them.
    return [cardBytes(drawn) <= MAX_CARD_BYTES ? drawn : await card(deps, due, payload)];
  };

const overdue = aboutOneClock(async (deps, item) => overdueNoteCard({ timeZone: deps.app.calendar.timeZone, item }));

const escalation = aboutOneClock(async (deps, item, payload) => {
  const stored = await deps.app.cases.findCase(item.caseId);
  return escalationCard({
    timeZone: deps.app.calendar.timeZone,
    managerName: await nameOf(deps.app, staffIdOf(payload["conversation"]), "Duty team"),
    practitionerName: await nameOf(deps.app, stored?.case.leadWorkerId, "an unallocated worker"),
    item,
  });
});

// The duty chat is shared: the reminder names the clock, and the case's actions stay on its personal card.
const palReminder: Render = async (deps, { payload }) => {
  const ref = clockRef(payload);
  const due = ref === undefined ? undefined : await clockStillDue(deps.app, ref);
  return due === undefined ? [] : [preAllocationReminderCard({ timeZone: deps.app.calendar.timeZone, items: [due] })];
};

const NOT_ACKNOWLEDGED = ["not-for-this-kind", "never-answer", "no-acknowledgement-rule", "too-old"] as const;

function findingOf(payload: Payload): TriageFinding | undefined {
  const { contactId, confidence, notAcknowledgedBecause } = payload;
  if (typeof contactId !== "string") return undefined;
  const because = NOT_ACKNOWLEDGED.find((r) => r === notAcknowledgedBecause);
  return {
    contactId,
    reasons: strings(payload["reasons"]),
    confidence: typeof confidence === "number" ? confidence : 0,
    ...(because === undefined ? {} : { notAcknowledgedBecause: because }),
  };
}

const triage: Render = async (deps, { caseId, payload }) => {
  const finding = findingOf(payload);
  const view = finding === undefined ? undefined : await triageView(deps, caseId, finding);
  return view === undefined ? [] : [triageCard(view)];
};

/** Queued by the inbox round (src/app/sync-inbox.ts) for a message it set aside. */
const quarantine: Render = async (deps, { payload }) => {
  const { receivedAt, reason, attempts } = payload;
  return [
    quarantineNoticeCard({
      timeZone: deps.app.calendar.timeZone,
      ...(typeof receivedAt === "string" ? { receivedAt } : {}),
      reason: typeof reason === "string" ? reason : "unknown",
      attempts: typeof attempts === "number" ? attempts : 0,
    }),
  ];
};

const RENDERERS: Readonly<Record<string, Render>> = {
  "agenda-screening": async (deps, item) =>
    screeningAgenda(deps, await casesOf(deps, item.payload), agendaDate(item.payload)),
  "agenda-maam": async (deps, item) => maamAgenda(deps, await casesOf(deps, item.payload), agendaDate(item.payload)),
  "agenda-transfer-panel": transferPanelAgenda,
  digest,
  overdue,
  escalation,
  "pal-reminder": palReminder,
  triage,
  quarantine,
  [RETENTION_REMOVED_PURPOSE]: async () => [removedUnderRetentionCard()],
};

/**
 * The cards for a Teams outbox item, built from the case as it stands when it is posted (an agenda shows decisions
 * already made; a nudge whose clock has stopped since renders nothing and is not posted).
 */
export function renderOutboxItem(deps: BotDeps, item: OutboxItem): Promise<AdaptiveCardJson[]> {
  const render = RENDERERS[item.purpose];
  if (render === undefined) return Promise.reject(unknownOutboxPurpose(item.purpose));
  return render(deps, item);
}

/**
 * The Teams drain's `RenderCard`, as the port's plain card JSON. An item with a card too large to fit a Teams
 * message, or none this version draws, is refused in the port's terms: trying it again as it is cannot help.
 */
export const createOutboxRenderer =
  (deps: BotDeps) =>
  async (item: OutboxItem): Promise<CardJson[]> => {
    try {
      return (await renderOutboxItem(deps, item)).map((card) => ({ ...card }));
    } catch (error) {
      if (!(error instanceof CardError || error instanceof ProactiveError)) throw error;
      throw new TeamsDeliveryError("TEAMS.MESSAGE_REFUSED", error.message, undefined, error.code);
    }
  };
